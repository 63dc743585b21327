import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureException, captureMessage, getClient, type Event, type Transport } from '@sentry-sdk/core';
import { assertValidEvent } from '@sentry-sdk/test-utils';
import { debug } from '@sentry-sdk/core/internal';
import { BrowserClient } from './browser-client';
import { getDefaultIntegrations } from './get-default-integrations';
import { init } from './init';

const DSN = 'https://ab12cd34ef56ab12cd34ef56ab12cd34@o1.ingest.example.test/42';

function recordingTransport(): { events: Event[]; transport: () => Transport } {
  const events: Event[] = [];
  const transport = (): Transport => ({
    send(envelope) {
      for (const [headers, payload] of envelope[1])
        if (headers.type === 'event') events.push(payload as Event);
      return Promise.resolve({});
    },
    flush: () => Promise.resolve(true),
  });
  return { events, transport };
}

// The default integrations patch globals of this test worker; none of them matters here.
const quiet = { defaultIntegrations: false as const };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('init', () => {
  it('sends events as the browser SDK, platform javascript, without IP inference', async () => {
    const { events, transport } = recordingTransport();
    const client = init({ dsn: DSN, transport, ...quiet });
    captureException(new TypeError('boom'));
    await client?.flush(2000);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    assertValidEvent(event);
    expect(event.platform).toBe('javascript');
    expect(event.sdk?.name).toBe('oss.javascript.browser');
    expect(event.sdk?.packages).toEqual([{ name: 'npm:@sentry-sdk/browser', version: expect.any(String) }]);
    expect(event.sdk?.settings).toEqual({ infer_ip: 'never' });
    expect(event.exception?.values?.[0]).toMatchObject({ type: 'TypeError', value: 'boom' });
    expect(event.exception?.values?.[0]?.stacktrace?.frames?.length).toBeGreaterThan(0);
  });

  it('lets Relay infer the IP when sendDefaultPii is on', async () => {
    const { events, transport } = recordingTransport();
    const client = init({ dsn: DSN, transport, sendDefaultPii: true, ...quiet });
    captureMessage('hello');
    await client?.flush(2000);
    expect(events[0]?.sdk?.settings).toEqual({ infer_ip: 'auto' });
  });

  it('replaces the client when called twice, and warns when debug is on', async () => {
    const warn = vi.spyOn(debug, 'warn').mockImplementation(() => undefined);
    const first = recordingTransport();
    const second = recordingTransport();
    const a = init({ dsn: DSN, transport: first.transport, ...quiet });
    const b = init({ dsn: DSN, transport: second.transport, debug: true, ...quiet });
    expect(b).toBeInstanceOf(BrowserClient);
    expect(getClient()).toBe(b);
    captureMessage('after the second init');
    await Promise.all([a?.flush(2000), b?.flush(2000)]);
    expect(first.events).toHaveLength(0);
    expect(second.events).toHaveLength(1);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/init was called again/);
    debug.disable();
  });

  it('uses the release a bundler plugin injected when none is given', async () => {
    vi.stubGlobal('SENTRY_RELEASE', { id: 'shop@1.2.3' });
    const { events, transport } = recordingTransport();
    const client = init({ dsn: DSN, transport, ...quiet });
    captureMessage('released');
    await client?.flush(2000);
    vi.unstubAllGlobals();
    expect(events[0]?.release).toBe('shop@1.2.3');
  });

  it('never throws, whatever it is given', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => ['dsn'],
        getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
        get: () => {
          throw new Error('hostile');
        },
      },
    );
    expect(() => init(hostile as never)).not.toThrow();
    expect(() => init(null as never)).not.toThrow();
    expect(() => init('nonsense' as never)).not.toThrow();
  });

  it('keeps working in a worker, where there is no document', async () => {
    // What a worker looks like to the SDK: its global scope is a WorkerGlobalScope.
    const WorkerGlobalScope = function () {} as unknown as abstract new () => unknown;
    Object.defineProperty(WorkerGlobalScope, Symbol.hasInstance, {
      value: (value: unknown) => value === globalThis,
    });
    vi.stubGlobal('WorkerGlobalScope', WorkerGlobalScope);
    const warn = vi.spyOn(debug, 'warn').mockImplementation(() => undefined);
    try {
      const { events, transport } = recordingTransport();
      const client = init({ dsn: DSN, transport, debug: true });
      captureMessage('from a worker');
      await client?.flush(2000);
      expect(events.map((event) => event.logentry?.message)).toEqual(['from a worker']);
      expect(warn.mock.calls.flat().join(' ')).toMatch(/worker/);
    } finally {
      debug.disable();
      vi.unstubAllGlobals();
    }
  });
});

describe('getDefaultIntegrations', () => {
  it('lists the browser defaults by name', () => {
    expect(getDefaultIntegrations({}).map((integration) => integration.name)).toEqual([
      'InboundFilters',
      'FunctionToString',
      'BrowserApiErrors',
      'Breadcrumbs',
      'GlobalHandlers',
      'LinkedErrors',
      'Dedupe',
      'HttpContext',
    ]);
  });

  it('adds browser sessions (release health) when a release is set', () => {
    expect(
      getDefaultIntegrations({ release: 'shop@1.2.3' }).map((integration) => integration.name),
    ).toContain('BrowserSession');
  });
});
