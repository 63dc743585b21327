/** Counts per key in fixed one-minute windows; `allow` says whether one more fits under the limit. */
export interface WindowCounter {
  /** Counts one for `key` and answers whether it is within the limit of its current window. */
  allow(key: string, now: number): boolean;
}

export const WINDOW_MS = 60_000;
/** Keys tracked at once; past this, a key not yet tracked is let through uncounted (bounded memory). */
const MAX_KEYS = 1000;

interface Window {
  start: number;
  count: number;
}

/** A counter that lets `limit` per key through per minute; `onFirstDrop` runs once per key and window. */
export function createWindowCounter(limit: number, onFirstDrop?: (key: string) => void): WindowCounter {
  const windows = new Map<string, Window>();

  const sweep = (now: number): void => {
    for (const [key, window] of windows) if (now - window.start >= WINDOW_MS) windows.delete(key);
  };

  return {
    allow(key, now) {
      let window = windows.get(key);
      if (!window || now - window.start >= WINDOW_MS || now < window.start) {
        if (!window && windows.size >= MAX_KEYS) {
          sweep(now);
          if (windows.size >= MAX_KEYS) return true;
        }
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count === limit + 1) onFirstDrop?.(key);
      return window.count <= limit;
    },
  };
}
