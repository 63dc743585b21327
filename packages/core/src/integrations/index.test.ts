import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { Client } from '../client';
import type { Envelope } from '../envelope';
import type { ClientOptions, Event, StackFrame, StackParser } from '../types';
import {
  dedupeIntegration,
  extraErrorDataIntegration,
  functionToStringIntegration,
  inboundFiltersIntegration,
  linkedErrorsIntegration,
  requestDataIntegration,
  rewriteFramesIntegration,
} from './index';

// Enough of V8's format: `at fn (file:line:col)`, newest first, turned oldest first.
const stackParser: StackParser = (stack) =>
  stack
    .split('\n')
    .map((line) => /at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line.trim()))
    .filter((match) => match !== null)
    .map((match): StackFrame => ({ function: match[1] ?? '?', filename: match[2] ?? '?', lineno: Number(match[3]), colno: Number(match[4]) }))
    .reverse();

type CausedErrorConstructor = new (message?: string, options?: { cause?: unknown }) => Error;
const CausedError = Error as unknown as CausedErrorConstructor;

/** A client with every core integration and a transport that records the events it is given. */
function createRecordingClient(): { client: Client; events: Event[] } {
  const events: Event[] = [];
  const options = {
    dsn: 'https://public@ingest.example/1',
    sendDefaultPii: false,
    stackParser,
    integrations: [
      inboundFiltersIntegration({ ignoreErrors: [/^ignored/] }),
      functionToStringIntegration(),
      dedupeIntegration(),
      linkedErrorsIntegration(),
      extraErrorDataIntegration(),
      requestDataIntegration(),
      rewriteFramesIntegration(),
    ],
    transport: () => ({
      send(envelope: Envelope) {
        for (const [headers, payload] of envelope[1]) if (headers.type === 'event') events.push(payload as Event);
        return Promise.resolve({ statusCode: 200 });
      },
      flush: () => Promise.resolve(true),
    }),
    sdk: { name: 'test.javascript.core', version: '0.0.0' },
    platform: 'node',
  } as unknown as ClientOptions;
  const client = new Client(options);
  client.setupIntegrations();
  return { client, events };
}

describe('the core integrations in a real client', () => {
  it('link, describe, scrub, rewrite, filter and dedupe what reaches the transport', async () => {
    const { client, events } = createRecordingClient();
    const failure = (): Error => Object.assign(new CausedError('checkout failed', { cause: new TypeError('price is undefined') }), { orderId: 42 });
    const request = { method: 'GET', url: 'https://shop.example/cart?token=t', headers: { Authorization: 'Bearer x', 'X-Real-IP': '1.2.3.4' }, ip: '1.2.3.4' };

    // The hint as the top-level captureException hands it to the client.
    const capture = (error: unknown, data?: Record<string, unknown>): string =>
      client.captureException(error, { originalException: error, ...(data ? { data } : {}) });
    const sameError = failure();
    capture(sameError, { request });
    capture(sameError, { request });
    capture(new Error('ignored by the integration'));
    capture(new Error('Script error.'));
    client.captureMessage('still sent');
    await client.flush(2000);

    expect(events).toHaveLength(2);
    for (const event of events) assertValidEvent(event);
    const [error, message] = events as [Event, Event];
    expect(message.logentry?.message ?? message.message).toBe('still sent');

    const values = error.exception!.values!;
    expect(values.map((value) => [value.type, value.value, value.mechanism?.exception_id, value.mechanism?.parent_id])).toEqual([
      ['TypeError', 'price is undefined', 1, 0],
      ['Error', 'checkout failed', 0, undefined],
    ]);
    expect(error.contexts!['Error']).toEqual({ orderId: 42, cause: 'TypeError: price is undefined' });
    expect(error.request).toEqual({
      method: 'GET',
      url: 'https://shop.example/cart',
      headers: { Authorization: '[Filtered]', 'X-Real-IP': '[Filtered]' },
    });
    expect(error.user?.ip_address).toBeUndefined();
    const frames = values[1]!.stacktrace!.frames!;
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame.filename).toMatch(/^(app:\/\/\/[^/]+|node:.*)$/);
    expect(frames.map((frame) => frame.filename)).toContain('app:///index.test.ts');
  });
});
