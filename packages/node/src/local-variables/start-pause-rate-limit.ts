const FIRST_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 300_000;

/** Counts pauses per second; `allow()` is false once `maxPerSecond` is passed. */
export interface PauseRateLimit {
  allow(): boolean;
  /** Cancels a pending re-enable. */
  stop(): void;
}

/**
 * Keeps pausing on exceptions cheap for an app that throws a lot: past `maxPerSecond` pauses in one
 * second, `onChange(true)` turns pausing off for a back-off (5 s, doubling to 5 min on each further
 * excess), then `onChange(false)` turns it on again. The timer never keeps the process alive.
 */
export function startPauseRateLimit(
  maxPerSecond: number,
  onChange: (paused: boolean) => void,
  now: () => number = Date.now,
): PauseRateLimit {
  let windowStart = 0;
  let count = 0;
  let backoff = FIRST_BACKOFF_MS;
  let off = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    stop() {
      if (timer) clearTimeout(timer);
    },
    allow() {
      if (off) return false;
      const time = now();
      if (time - windowStart >= 1000) {
        // a calm second earns the back-off back
        if (count <= maxPerSecond / 2) backoff = FIRST_BACKOFF_MS;
        windowStart = time;
        count = 0;
      }
      count += 1;
      if (count <= maxPerSecond) return true;
      off = true;
      onChange(true);
      timer = setTimeout(() => {
        off = false;
        count = 0;
        onChange(false);
      }, backoff);
      timer.unref();
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      return false;
    },
  };
}
