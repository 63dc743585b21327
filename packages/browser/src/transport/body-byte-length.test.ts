import { describe, expect, it } from 'vitest';
import { bodyByteLength } from './body-byte-length';

describe('bodyByteLength', () => {
  it.each([
    '',
    'plain ascii',
    'café',
    '日本語',
    'emoji 🎉 and 𝄞',
    '\ud800 lone surrogate',
    'a'.repeat(70_000),
  ])('counts UTF-8 bytes of %j as TextEncoder does', (text) => {
    expect(bodyByteLength(text)).toBe(new TextEncoder().encode(text).length);
  });

  it('counts binary bodies by their length', () => {
    expect(bodyByteLength(new Uint8Array(1234))).toBe(1234);
  });
});
