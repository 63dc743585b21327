import { describe, expect, it } from 'vitest';
import { scrubEventForOptions } from './scrub-event';

describe('scrubEventForOptions (events sent outside the pipeline, e.g. by the ANR worker)', () => {
  const event = {
    extra: { password: 'hunter2', plan: 'pro' },
    contexts: { db: { url: 'mysql://app:pw@db/x' } },
  };

  it('filters per the options, and leaves the event as it was with scrubbing: false', () => {
    expect(scrubEventForOptions(event, {})).toEqual({
      extra: { password: '[Filtered]', plan: 'pro' },
      contexts: { db: { url: 'mysql://[Filtered]:[Filtered]@db/x' } },
    });
    expect(scrubEventForOptions(event, { scrubbing: { denyKeys: ['plan'] } })?.extra).toEqual({
      password: '[Filtered]',
      plan: '[Filtered]',
    });
    expect(scrubEventForOptions(event, { scrubbing: false })).toBe(event);
  });

  it('answers undefined for an event it cannot read through', () => {
    const hostile = {
      extra: new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('trap');
          },
        },
      ),
    };
    expect(scrubEventForOptions(hostile, {})).toBeUndefined();
  });

  it('keeps a `__proto__` key of JSON data as data, filtering what it holds', () => {
    const parsed = JSON.parse('{"extra":{"__proto__":{"password":"hunter2"},"plan":"pro"}}') as object;
    const scrubbed = scrubEventForOptions(parsed, {}) as { extra: object };
    expect(Object.getPrototypeOf(scrubbed.extra)).toBe(Object.prototype);
    expect(JSON.stringify(scrubbed)).toBe('{"extra":{"__proto__":{"password":"[Filtered]"},"plan":"pro"}}');
    expect(JSON.stringify(parsed)).toBe('{"extra":{"__proto__":{"password":"hunter2"},"plan":"pro"}}');
  });

  it('returns the very event when nothing was filtered, and copies only what changed', () => {
    const clean = { extra: { plan: 'pro' }, tags: { page: 'home' }, contexts: { app: { name: 'shop' } } };
    expect(scrubEventForOptions(clean, {})).toBe(clean);
    const mixed = { extra: { password: 'x' }, tags: { page: 'home' } };
    const scrubbed = scrubEventForOptions(mixed, {})!;
    expect(scrubbed.tags).toBe(mixed.tags);
    expect(mixed.extra.password).toBe('x');
  });
});
