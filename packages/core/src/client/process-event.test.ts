import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debug } from '../lib';
import { getGlobalScope, Scope } from '../scope';
import type { Event } from '../types';
import { Client } from './client';
import {
  createClient,
  DSN,
  recordingTransport,
  resetScopes,
  sentEvents,
  stackParser,
} from './client.test-helper';

// Installed before the SDK's modules load: the debug logger keeps the console methods it finds then.
const consoleSpy = vi.hoisted(() => ({
  error: vi.spyOn(console, 'error').mockImplementation(() => undefined),
  warn: vi.spyOn(console, 'warn').mockImplementation(() => undefined),
  log: vi.spyOn(console, 'log').mockImplementation(() => undefined),
}));

beforeEach(resetScopes);
afterEach(() => {
  debug.disable();
  vi.clearAllMocks();
});

describe('pipeline: beforeSend', () => {
  it('drops the event when beforeSend returns null, counting before_send', async () => {
    const recording = recordingTransport();
    const { client, drops } = createClient(recording, { beforeSend: () => null });
    client.captureException(new Error('dropped'));
    expect(await sentEvents(client, recording)).toEqual([]);
    expect(drops).toEqual([['before_send', 'error', undefined]]);
  });

  it('drops the event when an async beforeSend resolves to null', async () => {
    const recording = recordingTransport();
    const { client, drops } = createClient(recording, { beforeSend: () => Promise.resolve(null) });
    client.captureException(new Error('dropped later'));
    expect(await sentEvents(client, recording)).toEqual([]);
    expect(drops).toEqual([['before_send', 'error', undefined]]);
  });

  it('sends what beforeSend returns, sync or async, normalized again', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording, {
      beforeSend: (event, hint) => {
        if (event.logentry?.message === 'async') return Promise.resolve({ ...event, tags: { async: 'yes' } });
        event.tags = { ...event.tags, seen: 'yes', count: 2 as unknown as string };
        event.extra = { original: hint.originalException === 'sync' };
        return event;
      },
    });
    client.captureMessage('sync', 'info', { originalException: 'sync' });
    client.captureMessage('async');
    const [sync, async] = await sentEvents(client, recording);
    expect(sync).toMatchObject({ tags: { seen: 'yes', count: '2' }, extra: { original: true } });
    expect(async!.tags).toEqual({ async: 'yes' });
  });

  it('logs a throwing or rejecting beforeSend and sends the event unchanged', async () => {
    const { error } = consoleSpy;
    const recording = recordingTransport();
    const { client, drops } = createClient(recording, {
      debug: true,
      beforeSend: (event) => {
        event.tags = { half: 'changed' };
        if (event.logentry?.message === 'reject') return Promise.reject(new Error('hook rejected'));
        throw new Error('hook failed');
      },
    });
    client.captureMessage('throw');
    client.captureMessage('reject');
    const events = await sentEvents(client, recording);
    expect(events.map((event) => [event.logentry?.message, event.tags])).toEqual([
      ['throw', undefined],
      ['reject', undefined],
    ]);
    expect(drops).toEqual([]);
    expect(error.mock.calls.map((call) => String(call[1]))).toEqual(
      expect.arrayContaining([
        expect.stringContaining('beforeSend threw'),
        expect.stringContaining('beforeSend rejected'),
      ]),
    );
  });

  it('drops on undefined (a hook that forgot to return), and ignores non-object results', async () => {
    const recording = recordingTransport();
    const { client, drops } = createClient(recording, {
      beforeSend: ((event: Event) =>
        event.logentry?.message === 'forgot' ? undefined : 'nonsense') as never,
    });
    client.captureMessage('forgot');
    client.captureMessage('kept');
    const events = await sentEvents(client, recording);
    expect(events.map((event) => event.logentry?.message)).toEqual(['kept']);
    expect(drops).toEqual([['before_send', 'error', undefined]]);
  });

  it('does not run beforeSend for transactions, nor beforeSendTransaction for errors', async () => {
    const recording = recordingTransport();
    const beforeSend = vi.fn((event: Event) => event);
    const beforeSendTransaction = vi.fn((event: Event) => event);
    const { client } = createClient(recording, { beforeSend, beforeSendTransaction });
    client.captureMessage('error');
    client.captureEvent(transaction('GET /cart', 2));
    await sentEvents(client, recording);
    expect(beforeSend.mock.calls.map((call) => call[0].logentry?.message)).toEqual(['error']);
    expect(beforeSendTransaction.mock.calls.map((call) => call[0].transaction)).toEqual(['GET /cart']);
  });
});

function transaction(name: string, spans: number): Event {
  const traceId = '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9';
  return {
    type: 'transaction',
    transaction: name,
    transaction_info: { source: 'route' },
    start_timestamp: 1777890000,
    timestamp: 1777890001,
    contexts: { trace: { trace_id: traceId, span_id: 'a1b2c3d4e5f60718', op: 'http.server' } },
    spans: Array.from({ length: spans }, (_, i) => ({
      trace_id: traceId,
      span_id: `b1b2c3d4e5f6071${i}`,
      parent_span_id: 'a1b2c3d4e5f60718',
      start_timestamp: 1777890000,
      timestamp: 1777890000.5,
      op: 'db',
    })),
  };
}

describe('pipeline: beforeSendTransaction', () => {
  it('marks a renamed transaction as custom', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording, {
      beforeSendTransaction: (event) => ({ ...event, transaction: 'checkout' }),
    });
    client.captureEvent(transaction('GET /cart/123', 0));
    client.captureEvent(transaction('GET /cart/:id', 0));
    const [renamed] = await sentEvents(client, recording);
    expect(renamed).toMatchObject({ transaction: 'checkout', transaction_info: { source: 'custom' } });
  });

  it('keeps the source of a transaction whose name was not changed', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording, { beforeSendTransaction: (event) => event });
    client.captureEvent(transaction('GET /cart/:id', 1));
    const [kept] = await sentEvents(client, recording);
    expect(kept).toMatchObject({ transaction: 'GET /cart/:id', transaction_info: { source: 'route' } });
  });

  it('counts a dropped transaction as 1 transaction and spans + 1 span', async () => {
    const recording = recordingTransport();
    const { client, drops } = createClient(recording, { beforeSendTransaction: () => null });
    client.captureEvent(transaction('GET /', 3));
    expect(await sentEvents(client, recording)).toEqual([]);
    expect(drops).toEqual([
      ['before_send', 'transaction', undefined],
      ['before_send', 'span', 4],
    ]);
  });

  it('counts spans the hook removed', async () => {
    const recording = recordingTransport();
    const { client, drops } = createClient(recording, {
      beforeSendTransaction: (event) => ({ ...event, spans: event.spans!.slice(0, 1) }),
    });
    client.captureEvent(transaction('GET /', 3));
    const [sent] = await sentEvents(client, recording);
    expect(sent!.spans).toHaveLength(1);
    expect(drops).toEqual([['before_send', 'span', 2]]);
  });

  it('is not subject to sampleRate', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording, { sampleRate: 0 });
    client.captureEvent(transaction('GET /', 0));
    expect(await sentEvents(client, recording)).toHaveLength(1);
  });
});

describe('pipeline: event processors', () => {
  it('runs scope processors, then integrations’ processEvent, each on the previous result', async () => {
    const recording = recordingTransport();
    const order: string[] = [];
    const { client } = createClient(recording, {
      integrations: [
        {
          name: 'Stamp',
          preprocessEvent: () => void order.push('preprocess'),
          processEvent: (event) => {
            order.push('integration');
            return { ...event, tags: { ...event.tags, integration: 'yes' } };
          },
        },
      ],
    });
    client.setupIntegrations();
    getGlobalScope().addEventProcessor((event) => (order.push('global'), event));
    const scope = new Scope().addEventProcessor(async (event) => {
      order.push('current');
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { ...event, tags: { current: 'yes' } };
    });
    client.captureMessage('processed', 'info', undefined, scope);
    const [event] = await sentEvents(client, recording);
    expect(order).toEqual(['preprocess', 'global', 'current', 'integration']);
    expect(event!.tags).toEqual({ current: 'yes', integration: 'yes' });
  });

  it('drops on null (event_processor) and skips a processor that throws or rejects', async () => {
    const { error } = consoleSpy;
    const recording = recordingTransport();
    const { client, drops } = createClient(recording, { debug: true });
    const scope = new Scope()
      .addEventProcessor(() => {
        throw new Error('processor bug');
      })
      .addEventProcessor(() => Promise.reject(new Error('async processor bug')))
      .addEventProcessor((event) => (event.logentry?.message === 'drop me' ? null : event));
    client.captureMessage('drop me', 'info', undefined, scope);
    client.captureMessage('keep me', 'info', undefined, scope);
    const events = await sentEvents(client, recording);
    expect(events.map((event) => event.logentry?.message)).toEqual(['keep me']);
    expect(drops).toEqual([['event_processor', 'error', undefined]]);
    expect(error.mock.calls.some((call) => String(call[1]).includes('An event processor threw'))).toBe(true);
  });

  it('counts a transaction dropped by a processor with its spans', async () => {
    const recording = recordingTransport();
    const { client, drops } = createClient(recording);
    client.captureEvent(
      transaction('GET /', 2),
      undefined,
      new Scope().addEventProcessor(() => null),
    );
    await sentEvents(client, recording);
    expect(drops).toEqual([
      ['event_processor', 'transaction', undefined],
      ['event_processor', 'span', 3],
    ]);
  });
});

describe('pipeline: sampling and SDK errors', () => {
  it('drops every error event with sampleRate 0 before any hook runs, counting sample_rate', async () => {
    const recording = recordingTransport();
    const beforeSend = vi.fn((event: Event) => event);
    const processor = vi.fn((event: Event) => event);
    const { client, drops } = createClient(recording, { sampleRate: 0, beforeSend });
    for (let i = 0; i < 5; i++)
      client.captureException(new Error(`e${i}`), undefined, new Scope().addEventProcessor(processor));
    expect(await sentEvents(client, recording)).toEqual([]);
    expect(beforeSend).not.toHaveBeenCalled();
    expect(processor).not.toHaveBeenCalled();
    expect(drops).toEqual(Array.from({ length: 5 }, () => ['sample_rate', 'error', undefined]));
  });

  it('sends every event with sampleRate 1', async () => {
    const recording = recordingTransport();
    const { client, drops } = createClient(recording, { sampleRate: 1 });
    for (let i = 0; i < 20; i++) client.captureMessage(`m${i}`);
    expect(await sentEvents(client, recording)).toHaveLength(20);
    expect(drops).toEqual([]);
  });

  it('records internal_sdk_error when building the event fails, and never throws', async () => {
    class BrokenClient extends Client {
      public override eventFromException(): Event {
        throw new Error('SDK bug');
      }
    }
    const recording = recordingTransport();
    const client = new BrokenClient({
      dsn: DSN,
      integrations: [],
      stackParser,
      transport: recording.factory,
      sdk: { name: 'acme.javascript.test', version: '1.2.3' },
      platform: 'node',
    });
    const record = vi.spyOn(client, 'recordDroppedEvent');
    expect(() => client.captureException(new Error('x'))).not.toThrow();
    await client.flush(1000);
    expect(recording.sent).toEqual([]);
    expect(record).toHaveBeenCalledWith('internal_sdk_error', 'error');
  });
});

describe('hooks', () => {
  it('emits preprocessEvent, beforeSendEvent, beforeEnvelope and afterSendEvent in order', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    const seen: string[] = [];
    client.on('preprocessEvent', () => void seen.push('preprocessEvent'));
    client.on('beforeSendEvent', () => void seen.push('beforeSendEvent'));
    client.on('beforeEnvelope', () => void seen.push('beforeEnvelope'));
    client.on(
      'afterSendEvent',
      (_event, response) => void seen.push(`afterSendEvent ${response?.statusCode}`),
    );
    client.captureMessage('hooked');
    await sentEvents(client, recording);
    expect(seen).toEqual(['preprocessEvent', 'beforeSendEvent', 'beforeEnvelope', 'afterSendEvent 200']);
  });

  it('unsubscribes exactly one registration, and a throwing callback does not stop the others', () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    const calls: string[] = [];
    const callback = () => void calls.push('cb');
    const first = client.on('flush', callback);
    client.on('flush', callback);
    client.on('flush', () => {
      throw new Error('hook bug');
    });
    client.on('flush', () => void calls.push('last'));
    client.emit('flush');
    first();
    first();
    client.emit('flush');
    expect(calls).toEqual(['cb', 'cb', 'last', 'cb', 'last']);
  });
});

describe('flush and close', () => {
  it('flush resolves false when the transport does not drain in time', async () => {
    const recording = recordingTransport(true);
    const { client } = createClient(recording);
    client.captureMessage('stuck');
    const started = Date.now();
    expect(await client.flush(50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(recording.sent).toHaveLength(1);
  });

  it('close sends what is pending, then captures nothing', async () => {
    const recording = recordingTransport();
    const { client } = createClient(recording);
    client.captureMessage('before close');
    expect(await client.close(1000)).toBe(true);
    expect(client.isEnabled()).toBe(false);
    const id = client.captureMessage('after close');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    await client.flush(100);
    expect(recording.events().map((event) => event.logentry?.message)).toEqual(['before close']);
  });
});
