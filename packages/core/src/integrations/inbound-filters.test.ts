import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { Client, ClientOptions, Event, StackFrame } from '../types';
import { eventFiltersIntegration, inboundFiltersIntegration, type InboundFiltersOptions } from './inbound-filters';

const clientWith = (options: Partial<ClientOptions> = {}): Client => ({ getOptions: () => options }) as unknown as Client;

function errorEvent(type: string, value: string, frames?: StackFrame[]): Event {
  return {
    event_id: 'a'.repeat(32),
    timestamp: 1_777_000_000,
    platform: 'javascript',
    level: 'error',
    exception: {
      values: [{ type, value, mechanism: { type: 'generic', handled: true }, ...(frames ? { stacktrace: { frames } } : {}) }],
    },
  };
}

const messageEvent = (message: string): Event => ({ event_id: 'b'.repeat(32), level: 'info', logentry: { message } });
const transaction = (name: string): Event => ({
  event_id: 'c'.repeat(32),
  type: 'transaction',
  transaction: name,
  timestamp: 2,
  start_timestamp: 1,
  contexts: { trace: { trace_id: '1'.repeat(32), span_id: '2'.repeat(16) } },
  spans: [],
});

async function run(event: Event, options?: InboundFiltersOptions, clientOptions?: Partial<ClientOptions>): Promise<Event | null> {
  const result = await inboundFiltersIntegration(options).processEvent!(event, {}, clientWith(clientOptions));
  if (result) assertValidEvent(result);
  return result;
}

describe('inboundFiltersIntegration', () => {
  it('keeps an event nothing matches, unchanged', async () => {
    const event = errorEvent('TypeError', 'x is undefined');
    expect(await run(event, { ignoreErrors: ['other'] }, { ignoreErrors: [/nothing/] })).toBe(event);
  });

  it('drops errors by substring of the value or of "type: value"', async () => {
    expect(await run(errorEvent('TypeError', 'x is undefined'), {}, { ignoreErrors: ['is undef'] })).toBeNull();
    expect(await run(errorEvent('TypeError', 'x is undefined'), {}, { ignoreErrors: ['TypeError: x'] })).toBeNull();
    expect(await run(errorEvent('TypeError', 'x is undefined'), {}, { ignoreErrors: ['RangeError'] })).not.toBeNull();
  });

  it('drops errors by RegExp, global flags included, every time', async () => {
    const pattern = /^Type\w+: x/g;
    const integration = inboundFiltersIntegration({ ignoreErrors: [pattern] });
    const client = clientWith();
    for (let i = 0; i < 3; i++) {
      expect(await integration.processEvent!(errorEvent('TypeError', 'x'), {}, client)).toBeNull();
    }
    expect(pattern.lastIndex).toBe(0);
  });

  it('drops messages by logentry and legacy message', async () => {
    expect(await run(messageEvent('cache miss for user 4'), { ignoreErrors: ['cache miss'] })).toBeNull();
    const legacy: Event = { event_id: 'b'.repeat(32), message: 'cache miss' };
    expect(await inboundFiltersIntegration({ ignoreErrors: ['cache miss'] }).processEvent!(legacy, {}, clientWith())).toBeNull();
  });

  it('merges the integration options with the client options', async () => {
    const integration = inboundFiltersIntegration({ ignoreErrors: ['from integration'] });
    const client = clientWith({ ignoreErrors: ['from client'] });
    expect(await integration.processEvent!(errorEvent('Error', 'from integration'), {}, client)).toBeNull();
    expect(await integration.processEvent!(errorEvent('Error', 'from client'), {}, client)).toBeNull();
    expect(await integration.processEvent!(errorEvent('Error', 'from elsewhere'), {}, client)).not.toBeNull();
  });

  it('drops transactions by name, but never matches errors against ignoreTransactions', async () => {
    expect(await run(transaction('GET /health'), {}, { ignoreTransactions: ['/health'] })).toBeNull();
    expect(await run(transaction('GET /users'), {}, { ignoreTransactions: ['/health'] })).not.toBeNull();
    expect(await run(errorEvent('Error', 'GET /health'), {}, { ignoreTransactions: ['/health'] })).not.toBeNull();
    expect(await run(transaction('Script error.'), {}, {})).not.toBeNull();
  });

  it('drops errors thrown from denied URLs, judged by the newest frame', async () => {
    const frames = [
      { filename: 'https://app.example/main.js', function: 'main', lineno: 1, colno: 1 },
      { filename: 'https://ads.example/tag.js', function: 'track', lineno: 9, colno: 2 },
      { filename: '<anonymous>', function: '?' },
    ];
    expect(await run(errorEvent('Error', 'boom', frames), {}, { denyUrls: [/ads\.example/] })).toBeNull();
    expect(await run(errorEvent('Error', 'boom', frames.slice(0, 1)), {}, { denyUrls: [/ads\.example/] })).not.toBeNull();
  });

  it('keeps only errors from allowed URLs when allowUrls is set', async () => {
    const frames = (url: string): StackFrame[] => [{ filename: url, function: 'f', lineno: 1 }];
    const options = { allowUrls: ['https://app.example/'] };
    expect(await run(errorEvent('Error', 'boom', frames('https://app.example/a.js')), options)).not.toBeNull();
    expect(await run(errorEvent('Error', 'boom', frames('chrome-extension://abc/x.js')), options)).toBeNull();
    // no stack: nothing to judge by, kept
    expect(await run(errorEvent('Error', 'boom'), options)).not.toBeNull();
  });

  it('uses abs_path when a frame has no filename', async () => {
    const frames = [{ abs_path: 'https://ads.example/tag.js', function: 'f' }];
    expect(await run(errorEvent('Error', 'boom', frames), { denyUrls: ['ads.example'] })).toBeNull();
  });

  it('drops the usual browser noise by default, unless disableErrorDefaults', async () => {
    const noise = [
      errorEvent('Error', 'Script error.'),
      messageEvent('Script error'),
      messageEvent('Javascript error: Script error. on line 0'),
      errorEvent('Error', 'ResizeObserver loop completed with undelivered notifications.'),
      errorEvent('Error', 'ResizeObserver loop limit exceeded'),
      errorEvent('TypeError', "undefined is not an object (evaluating 'a.L')"),
    ];
    for (const event of noise) {
      expect(await run(event)).toBeNull();
      expect(await run(event, { disableErrorDefaults: true })).toBe(event);
    }
    expect(await run(errorEvent('Error', 'Script error. in checkout'))).not.toBeNull();
  });

  it('ignores ill-typed patterns and hostile events instead of throwing', async () => {
    const clientOptions = { ignoreErrors: [42, null, 'boom'] } as unknown as Partial<ClientOptions>;
    expect(await run(errorEvent('Error', 'boom'), {}, clientOptions)).toBeNull();
    const hostile = { exception: { get values(): never { throw new Error('getter'); } } } as unknown as Event;
    expect(await inboundFiltersIntegration().processEvent!(hostile, {}, clientWith())).toBe(hostile);
  });

  it('is also exported as eventFiltersIntegration', async () => {
    expect(eventFiltersIntegration({}).name).toBe(inboundFiltersIntegration().name);
    expect(await eventFiltersIntegration({ ignoreErrors: ['x'] }).processEvent!(errorEvent('E', 'x'), {}, clientWith())).toBeNull();
  });
});
