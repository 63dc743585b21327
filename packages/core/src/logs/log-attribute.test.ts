import { describe, expect, it } from 'vitest';
import { replaceLoneSurrogates, toLogAttribute } from './log-attribute';

describe('replaceLoneSurrogates', () => {
  it('keeps surrogate pairs and replaces halves standing alone', () => {
    expect(replaceLoneSurrogates('ship 🚢 now')).toBe('ship 🚢 now');
    expect(replaceLoneSurrogates('\uD83D')).toBe('\uFFFD');
    expect(replaceLoneSurrogates('a\uDEA2b')).toBe('a\uFFFDb');
    // a low half before a high half is two lone halves
    expect(replaceLoneSurrogates('\uDEA2\uD83D')).toBe('\uFFFD\uFFFD');
    expect(replaceLoneSurrogates('🚢'.slice(0, 1) + '🚢')).toBe('\uFFFD🚢');
  });

  it('leaves text that JSON encodes well-formed as it is', () => {
    const text = 'Grüße, 東京 🚢';
    expect(replaceLoneSurrogates(text)).toBe(text);
    expect(JSON.stringify(replaceLoneSurrogates('x\uD800y'))).toBe('"x\uFFFDy"');
  });
});

describe('toLogAttribute', () => {
  it('types integers, doubles and the numbers JSON cannot carry', () => {
    expect(toLogAttribute(-7)).toEqual({ type: 'integer', value: -7 });
    expect(toLogAttribute(Number.MAX_SAFE_INTEGER)).toEqual({ type: 'integer', value: Number.MAX_SAFE_INTEGER });
    expect(toLogAttribute(1.5)).toEqual({ type: 'double', value: 1.5 });
    expect(toLogAttribute(-Infinity)).toEqual({ type: 'string', value: '-Infinity' });
    expect(toLogAttribute(18446744073709551615n)).toEqual({ type: 'string', value: '18446744073709551615n' });
  });

  it('turns objects into JSON strings within the depth, and has nothing for undefined', () => {
    expect(toLogAttribute({ a: { b: { c: 1 } } }, 1)).toEqual({ type: 'string', value: '{"a":"[Object]"}' });
    expect(toLogAttribute(new Date(0))).toEqual({ type: 'string', value: '1970-01-01T00:00:00.000Z' });
    expect(toLogAttribute(undefined)).toBeUndefined();
  });
});
