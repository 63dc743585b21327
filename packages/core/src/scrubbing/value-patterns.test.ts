import { describe, expect, it } from 'vitest';
import { createKeyMatcher } from './key-matcher';
import { createValueScrubber } from './value-patterns';

const denialOf = createKeyMatcher([], []);
const scrub = createValueScrubber((key) => denialOf(key) !== 0, []);

describe('the value scrubber', () => {
  it('masks Luhn-valid card numbers, plain or grouped, and keeps other digit runs', () => {
    expect(scrub('card 4111111111111111 declined')).toBe('card [Filtered] declined');
    expect(scrub('card 4111 1111 1111 1111')).toBe('card [Filtered]');
    expect(scrub('card 5500-0000-0000-0004 ok')).toBe('card [Filtered] ok');
    expect(scrub('order 4111111111111112')).toBe('order 4111111111111112');
    expect(scrub('at 1777890000123')).toBe('at 1777890000123');
  });

  it('masks bearer tokens and JWTs, not the word after Bearer', () => {
    expect(scrub('Authorization: Bearer abc123def456ghi')).toBe('Authorization: Bearer [Filtered]');
    expect(scrub('Bearer authentication failed')).toBe('Bearer authentication failed');
    expect(scrub('got eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature here')).toBe('got [Filtered] here');
  });

  it('replaces URL credentials and query values under secret keys', () => {
    expect(scrub('postgres://app:hunter2@db.local:5432/shop')).toBe(
      'postgres://[Filtered]:[Filtered]@db.local:5432/shop',
    );
    expect(scrub('https://user@example.org/a')).toBe('https://[Filtered]@example.org/a');
    expect(scrub('GET https://api.example.org/v1?page=2&access_token=abc&api-key=k1#top')).toBe(
      'GET https://api.example.org/v1?page=2&access_token=[Filtered]&api-key=[Filtered]#top',
    );
    expect(scrub('password=hunter2&remember=1')).toBe('password=[Filtered]&remember=1');
    expect(scrub('connecting with password=hunter2 to db')).toBe('connecting with password=[Filtered] to db');
    expect(scrub('const password = input.value;')).toBe('const password = input.value;');
  });

  it('masks values of secret keys in JSON text', () => {
    expect(scrub('{"user":"ana","password":"hunter2","api_key" : "k\\"1"}')).toBe(
      '{"user":"ana","password":"[Filtered]","api_key" : "[Filtered]"}',
    );
  });

  it('returns the very string when nothing matched', () => {
    const text = 'GET https://example.org/v1/items?page=2 took 1234 ms';
    expect(scrub(text)).toBe(text);
  });

  it('leaves what is already filtered, and empty values, as they are', () => {
    for (const text of [
      'postgres://[Filtered]:[Filtered]@db.local/shop',
      'https://[Filtered]@example.org/a',
      '?password=[Filtered]&token=',
      '{"password":"[Filtered]","api_key":""}',
    ]) {
      expect(scrub(text)).toBe(text);
    }
  });

  it('reads percent-encoded query keys, not JSON keys', () => {
    expect(scrub('a=1&pass%77ord=x')).toBe('a=1&pass%77ord=[Filtered]');
    expect(scrub('{"pass%77ord":"x"}')).toBe('{"pass%77ord":"x"}');
  });

  it('applies the user patterns', () => {
    const custom = createValueScrubber(() => false, [/acct-\d+/g]);
    expect(custom('charged acct-4242 and acct-77')).toBe('charged [Filtered] and [Filtered]');
  });
});
