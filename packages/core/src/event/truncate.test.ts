import { describe, expect, it } from 'vitest';
import { safeJoin, truncate } from './truncate';

describe('truncate', () => {
  it('keeps strings within the limit unchanged', () => {
    expect(truncate('hello', 5)).toBe('hello');
  });

  it('cuts longer strings to exactly the limit, ending in "..."', () => {
    const result = truncate('abcdefghij', 8);
    expect(result).toBe('abcde...');
    expect(result).toHaveLength(8);
  });

  it('treats 0 (and other non-positive limits) as no limit', () => {
    const long = 'x'.repeat(10_000);
    expect(truncate(long, 0)).toBe(long);
    expect(truncate(long, -1)).toBe(long);
  });

  it('never leaves half of a surrogate pair before the ellipsis', () => {
    const result = truncate('ab😀cdefgh', 6);
    expect(result).toBe('ab...');
    expect(() => encodeURIComponent(result)).not.toThrow();
  });

  it('cuts without an ellipsis when the limit leaves no room for one', () => {
    expect(truncate('abcdef', 2)).toBe('ab');
  });

  it('returns an empty string for a value that is not a string', () => {
    expect(truncate(42 as unknown as string, 10)).toBe('');
  });
});

describe('safeJoin', () => {
  it('joins values as strings and survives values that cannot become one', () => {
    const hostile = {
      toString: (): string => {
        throw new Error('no');
      },
    };
    expect(safeJoin(['a', 1, null, hostile], ' | ')).toBe('a | 1 | null | [value cannot be serialized]');
  });

  it('returns an empty string for a non-array', () => {
    expect(safeJoin('abc')).toBe('');
  });
});
