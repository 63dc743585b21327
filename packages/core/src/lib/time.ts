interface PerformanceGlobal {
  performance?: { now(): number; timeOrigin?: number };
}

const performance = (globalThis as unknown as PerformanceGlobal).performance;

/** Wall-clock now in seconds (float), as events and breadcrumbs carry it. */
export function dateTimestampInSeconds(): number {
  return Date.now() / 1000;
}

/**
 * A monotonic high-resolution clock anchored to wall time once, in seconds. Spans use it so that
 * durations are exact even when the system clock jumps.
 */
// Pure: bundles that never read the clock drop it.
export const timestampInSeconds: () => number = /* @__PURE__ */ (() => {
  if (!performance || typeof performance.now !== 'function') return dateTimestampInSeconds;
  const origin = typeof performance.timeOrigin === 'number' ? performance.timeOrigin : Date.now() - performance.now();
  return () => (origin + performance.now()) / 1000;
})();

/** An ISO 8601 UTC timestamp, as envelope headers and sessions carry it. */
export function isoTimestamp(date: Date = new Date()): string {
  return date.toISOString();
}
