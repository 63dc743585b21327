/** Counts per key in fixed one-minute periods; `allow` says whether one more fits under the limit. */
export interface MinuteCounter {
  /** Counts one for `key` and answers whether it is within the limit of its current minute. */
  allow(key: string, now: number): boolean;
}

export const MINUTE_MS = 60_000;
/** Keys tracked at once; past this, a key not yet tracked is let through uncounted (bounded memory). */
const MAX_KEYS = 1000;

interface Tally {
  start: number;
  count: number;
}

/** A counter that lets `limit` per key through per minute; `onFirstDrop` runs once per key and minute. */
export function createMinuteCounter(limit: number, onFirstDrop?: (key: string) => void): MinuteCounter {
  const tallies = new Map<string, Tally>();

  const sweep = (now: number): void => {
    for (const [key, tally] of tallies) if (now - tally.start >= MINUTE_MS) tallies.delete(key);
  };

  return {
    allow(key, now) {
      let tally = tallies.get(key);
      if (!tally || now - tally.start >= MINUTE_MS || now < tally.start) {
        if (!tally && tallies.size >= MAX_KEYS) {
          sweep(now);
          if (tallies.size >= MAX_KEYS) return true;
        }
        tally = { start: now, count: 0 };
        tallies.set(key, tally);
      }
      tally.count += 1;
      if (tally.count === limit + 1) onFirstDrop?.(key);
      return tally.count <= limit;
    },
  };
}
