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
});
