import { describe, expect, it } from 'vitest';
import { createMinuteCounter, MINUTE_MS } from './minute-counter';

describe('the one-minute counter', () => {
  it('lets `limit` per key through per minute, then starts over', () => {
    const dropped: string[] = [];
    const counter = createMinuteCounter(2, (key) => dropped.push(key));
    const t0 = 1_000_000;
    expect([counter.allow('a', t0), counter.allow('a', t0 + 1), counter.allow('a', t0 + 2)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(counter.allow('b', t0 + 3)).toBe(true);
    expect(counter.allow('a', t0 + 4)).toBe(false);
    expect(dropped).toEqual(['a']);
    expect(counter.allow('a', t0 + MINUTE_MS)).toBe(true);
  });

  it('tracks a bounded number of keys, letting untracked ones through', () => {
    const counter = createMinuteCounter(1);
    for (let i = 0; i < 1000; i++) counter.allow(`k${i}`, 0);
    expect(counter.allow('new', 1)).toBe(true);
    expect(counter.allow('new', 2)).toBe(true);
    // once the old windows are over, the new key is tracked
    expect(counter.allow('new', MINUTE_MS + 1)).toBe(true);
    expect(counter.allow('new', MINUTE_MS + 2)).toBe(false);
  });
});
