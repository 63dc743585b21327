import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionToStringIntegration, type Event, type Transport } from '@sentry-sdk/core';
import { assertValidEvent } from '@sentry-sdk/test-utils';
import { init } from '../sdk';
import { wasCapturedBeforeRethrow } from './captured-errors';
import { createWrapperCache, wrapCallback } from './wrap-callback';

const events: Event[] = [];
const transport = (): Transport => ({
  send(envelope) {
    for (const [headers, payload] of envelope[1]) if (headers.type === 'event') events.push(payload as Event);
    return Promise.resolve({});
  },
  flush: () => Promise.resolve(true),
});
const MECHANISM = {
  type: 'auto.browser.browserapierrors.setTimeout',
  handled: false,
  data: { function: 'setTimeout' },
};
let client: ReturnType<typeof init>;

beforeAll(() => {
  client = init({
    dsn: 'https://k@o1.ingest.example.test/1',
    transport,
    defaultIntegrations: false,
    integrations: [functionToStringIntegration()],
  });
});
afterAll(() => client?.close(1000));

describe('wrapCallback', () => {
  it('keeps this, arguments, the return value, length and name', () => {
    function add(this: { base: number }, a: number, b: number): number {
      return this.base + a + b;
    }
    const wrapped = wrapCallback(add, MECHANISM, createWrapperCache());
    expect(wrapped).not.toBe(add);
    expect(wrapped.call({ base: 1 }, 2, 3)).toBe(6);
    expect(wrapped.length).toBe(2);
    expect(wrapped.name).toBe('add');
    expect(wrapped.toString()).toBe(add.toString());
  });

  it('is idempotent: the same function gets the same wrapper, a wrapper is not wrapped again', () => {
    const cache = createWrapperCache();
    const fn = (): void => undefined;
    const wrapped = wrapCallback(fn, MECHANISM, cache);
    expect(wrapCallback(fn, MECHANISM, cache)).toBe(wrapped);
    expect(wrapCallback(wrapped, MECHANISM, createWrapperCache())).toBe(wrapped);
  });

  it('passes non-functions through untouched', () => {
    const listener = { handleEvent: () => undefined };
    expect(wrapCallback(listener, MECHANISM, createWrapperCache())).toBe(listener);
    expect(wrapCallback('code string', MECHANISM, createWrapperCache())).toBe('code string');
  });

  it('captures what the callback throws as unhandled with the mechanism, then rethrows it', async () => {
    const error = new RangeError('thrown in a timer');
    const wrapped = wrapCallback(
      () => {
        throw error;
      },
      MECHANISM,
      createWrapperCache(),
    );
    expect(() => wrapped()).toThrow(error);
    expect(wasCapturedBeforeRethrow(error)).toBe(true);
    await client?.flush(2000);
    const event = events.find((e) => e.exception?.values?.[0]?.value === 'thrown in a timer');
    expect(event).toBeDefined();
    assertValidEvent(event);
    expect(event?.exception?.values?.[0]?.mechanism).toEqual(MECHANISM);
  });

  it('captures thrown primitives and marks them for the global handlers until the next task', async () => {
    const wrapped = wrapCallback(
      () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- pages throw strings too
        throw 'plain string';
      },
      MECHANISM,
      createWrapperCache(),
    );
    expect(() => wrapped()).toThrow('plain string');
    expect(wasCapturedBeforeRethrow('plain string')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(wasCapturedBeforeRethrow('plain string')).toBe(false);
    await client?.flush(2000);
    const event = events.find((e) => e.exception?.values?.[0]?.value === 'plain string');
    expect(event?.exception?.values?.[0]?.mechanism).toMatchObject({ handled: false, synthetic: true });
  });
});
