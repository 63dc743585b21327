import { startInactiveSpan, type Span, type SpanAttributes } from '@sentry-sdk/core';

type PerformanceLike = Pick<Performance, 'now' | 'timeOrigin' | 'getEntriesByType'>;

/** The page's `performance`, when it has the parts tracing reads. */
export function getPerformance(): PerformanceLike | undefined {
  const perf = (globalThis as { performance?: PerformanceLike }).performance;
  return perf && typeof perf.getEntriesByType === 'function' && typeof perf.timeOrigin === 'number'
    ? perf
    : undefined;
}

/** A time of the Performance API (ms since the time origin) as epoch seconds, the clock spans use. */
export function toEpochSeconds(relativeMs: number): number {
  return ((getPerformance()?.timeOrigin ?? 0) + relativeMs) / 1000;
}

/** Epoch seconds as a time of the Performance API. */
export function toRelativeMs(epochSeconds: number): number {
  return epochSeconds * 1000 - (getPerformance()?.timeOrigin ?? 0);
}

/** The buffered entries of one type; empty where the type or the API is missing. */
export function getEntries<T extends PerformanceEntry>(type: string): T[] {
  try {
    return (getPerformance()?.getEntriesByType(type) ?? []) as T[];
  } catch {
    return [];
  }
}

/**
 * Watches entries of one type (with those already buffered); returns the stop function, or
 * `undefined` where the browser does not support the type (or the API).
 */
export function observeEntries<T extends PerformanceEntry>(
  type: string,
  callback: (entries: T[]) => void,
): (() => void) | undefined {
  try {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) return undefined;
    const observer = new PerformanceObserver((list) => callback(list.getEntries() as T[]));
    observer.observe({ type, buffered: true });
    return () => observer.disconnect();
  } catch {
    return undefined;
  }
}

/** A span of `parent` between two Performance API times (ms), ended at once. */
export function addTimedSpan(
  parent: Span,
  op: string,
  name: string,
  startMs: number,
  endMs: number,
  attributes: SpanAttributes = {},
): void {
  startInactiveSpan({
    name,
    op,
    parentSpan: parent,
    startTime: toEpochSeconds(startMs),
    attributes: { 'sentry.origin': 'auto.ui.browser.metrics', ...attributes },
  }).end(toEpochSeconds(Math.max(endMs, startMs)));
}
