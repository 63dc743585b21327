import { describe, expect, it } from 'vitest';
import { createPropagationContext, truncateSampleRand } from './propagation-context';

describe('truncateSampleRand', () => {
  it.each([
    [0.1234567, 0.123456],
    [0.9999999, 0.999999],
    [0, 0],
    [1, 0.999999],
    [-0.5, 0],
    [Number.NaN, 0],
  ])('writes %d as %d (six decimals, truncated, within [0, 1))', (input, expected) => {
    expect(truncateSampleRand(input)).toBe(expected);
  });
});

describe('createPropagationContext', () => {
  it('starts a new trace each time', () => {
    const a = createPropagationContext();
    const b = createPropagationContext();
    expect(a.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.traceId).not.toBe(b.traceId);
    for (const { sampleRand } of [a, b]) {
      expect(sampleRand).toBeGreaterThanOrEqual(0);
      expect(sampleRand).toBeLessThan(1);
      expect(Math.round(sampleRand * 1e6) / 1e6).toBe(sampleRand);
    }
  });
});
