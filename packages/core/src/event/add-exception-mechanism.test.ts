import { describe, expect, it } from 'vitest';
import type { Event } from '../types';
import { addExceptionMechanism } from './add-exception-mechanism';

describe('addExceptionMechanism', () => {
  it('sets the mechanism on the last exception with type generic and handled true by default', () => {
    const event: Event = { exception: { values: [{ type: 'Cause' }, { type: 'Thrown' }] } };
    addExceptionMechanism(event, {});
    expect(event.exception?.values?.[1]?.mechanism).toEqual({ type: 'generic', handled: true });
    expect(event.exception?.values?.[0]?.mechanism).toBeUndefined();
  });

  it('merges onto an existing mechanism, data key by key', () => {
    const event: Event = {
      exception: { values: [{ type: 'E', mechanism: { type: 'onerror', handled: false, data: { a: 1 } } }] },
    };
    addExceptionMechanism(event, { data: { b: 2 }, synthetic: true });
    expect(event.exception?.values?.[0]?.mechanism).toEqual({
      type: 'onerror',
      handled: false,
      synthetic: true,
      data: { a: 1, b: 2 },
    });
  });

  it('does nothing for an event without exceptions and never throws on hostile input', () => {
    const event: Event = { logentry: { message: 'm' } };
    addExceptionMechanism(event, { type: 'x' });
    expect(event).toEqual({ logentry: { message: 'm' } });
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    expect(() => addExceptionMechanism(hostile as Event, hostile as never)).not.toThrow();
  });
});
