import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientReportEnvelope, createEventEnvelope, type Envelope } from '../envelope';
import type { Event, TransportOptions, TransportRequestExecutor } from '../types';
import { createClientReportRecorder } from './client-reports';
import { createTransport } from './create-transport';
import { makeOfflineTransport } from './make-offline-transport';
import { createInMemoryOfflineStore, type OfflineStore } from './offline-store';

const servers: IngestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startServer(): Promise<IngestServer> {
  const server = await startIngestServer();
  servers.push(server);
  return server;
}

/** A URL where nothing listens: requests fail with "connection refused", as when offline. */
async function deadUrl(): Promise<string> {
  const server = await startIngestServer();
  await server.close();
  return server.url;
}

/** Posts with fetch to wherever `target.url` points at the moment of sending. */
function fetchExecutor(target: { url: string }): TransportRequestExecutor {
  return (request) =>
    fetch(`${target.url}/api/4711/envelope/`, { method: 'POST', body: request.body }).then(async (response) => {
      await response.arrayBuffer();
      return {
        statusCode: response.status,
        headers: {
          'x-sentry-rate-limits': response.headers.get('x-sentry-rate-limits'),
          'retry-after': response.headers.get('retry-after'),
        },
      };
    });
}

function envelope(n: number): Envelope {
  const event: Event = { event_id: n.toString(16).padStart(32, '0'), timestamp: 1777890030, platform: 'node', level: 'error' };
  assertValidEvent(event);
  return createEventEnvelope(event);
}

function setup(target: { url: string }, extra: Partial<Parameters<ReturnType<typeof makeOfflineTransport>>[0]> = {}) {
  const recorder = createClientReportRecorder();
  const pushed: Envelope[] = [];
  const inner = createInMemoryOfflineStore(10);
  const store: OfflineStore = { ...inner, push: (env) => (pushed.push(env), inner.push(env)) };
  const factory = makeOfflineTransport((options: TransportOptions) => createTransport(options, fetchExecutor(target)));
  const transport = factory({
    url: 'ignored-by-the-test-executor',
    recordDroppedEvent: recorder.record,
    createStore: () => store,
    minRetryDelay: 50,
    maxRetryDelay: 200,
    ...extra,
  });
  return { transport, recorder, store, pushed };
}

const ids = (server: IngestServer): string[] => server.received.map((r) => String(r.envelope[0].event_id));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('makeOfflineTransport', () => {
  it('keeps envelopes while the network is down and re-sends them oldest first once the server is back, once each', async () => {
    const target = { url: await deadUrl() };
    const { transport, pushed, recorder } = setup(target);
    for (const n of [1, 2, 3]) await expect(transport.send(envelope(n))).resolves.toEqual({});
    expect(pushed).toHaveLength(3);
    // stored as built: sent_at is written when sending, never when persisting
    expect(pushed.every(([headers]) => headers.sent_at === undefined)).toBe(true);
    await sleep(120); // a few failed retries while still offline

    const server = await startServer();
    target.url = server.url;
    await server.waitForEnvelopes(3, 3_000);
    await transport.send(envelope(4));
    await sleep(300); // time for any duplicate to show up
    expect(ids(server)).toEqual([1, 2, 3, 4].map((n) => n.toString(16).padStart(32, '0')));
    expect(server.received.every((r) => typeof r.envelope[0].sent_at === 'string')).toBe(true);
    expect(recorder.drain().every((entry) => entry.reason === 'network_error')).toBe(true);
  });

  it('re-sends stored envelopes right after a new envelope got through', async () => {
    const target = { url: await deadUrl() };
    const { transport } = setup(target, { minRetryDelay: 60_000, maxRetryDelay: 60_000 });
    await transport.send(envelope(1));
    const server = await startServer();
    target.url = server.url;
    await transport.send(envelope(2));
    await server.waitForEnvelopes(2, 2_000);
    expect(ids(server)).toEqual([2, 1].map((n) => n.toString(16).padStart(32, '0')));
  });

  it('does not store rate-limited or rejected envelopes, nor client reports alone', async () => {
    const server = await startServer();
    const target = { url: server.url };
    const { transport, pushed } = setup(target);
    server.respondWith({ kind: 'status', status: 429, headers: { 'x-sentry-rate-limits': '60:error:key' } });
    expect(await transport.send(envelope(1))).toMatchObject({ statusCode: 429 });
    server.respondWith({ kind: 'status', status: 200 });
    // dropped by the rate limit before sending: neither sent nor stored
    expect(await transport.send(envelope(2))).toEqual({});
    server.respondWith({ kind: 'status', status: 400 });
    await transport.send(createClientReportEnvelope([{ reason: 'before_send', category: 'error', quantity: 1 }]));
    server.respondWith({ kind: 'status', status: 503 });
    await transport.send(createClientReportEnvelope([{ reason: 'before_send', category: 'error', quantity: 1 }]));
    target.url = await deadUrl();
    await expect(transport.send(createClientReportEnvelope([]))).rejects.toThrow();
    expect(pushed).toEqual([]);
    expect(server.received.map((r) => r.envelope[1][0]![0].type)).toEqual(['event', 'client_report', 'client_report']);
  });

  it('asks shouldStore, and rejects like the inner transport when it says no', async () => {
    const target = { url: await deadUrl() };
    const seen: number[] = [];
    const { transport, pushed } = setup(target, {
      shouldStore: (_envelope, _error, retryDelay) => {
        seen.push(retryDelay);
        return false;
      },
    });
    await expect(transport.send(envelope(1))).rejects.toThrow();
    expect(seen).toEqual([50]);
    expect(pushed).toEqual([]);
  });

  it('is bounded by its store: what does not fit is not re-sent', async () => {
    const target = { url: await deadUrl() };
    const { transport } = setup(target, { createStore: () => createInMemoryOfflineStore(2) });
    for (const n of [1, 2, 3, 4]) await transport.send(envelope(n));
    const server = await startServer();
    target.url = server.url;
    await server.waitForEnvelopes(2, 3_000);
    await sleep(300);
    expect(ids(server)).toEqual([1, 2].map((n) => n.toString(16).padStart(32, '0')));
  });

  it('re-sends what a previous run stored when flushAtStartup is set', async () => {
    const server = await startServer();
    const store = createInMemoryOfflineStore(5);
    await store.push(envelope(7));
    setup({ url: server.url }, { createStore: () => store, flushAtStartup: true });
    await server.waitForEnvelopes(1, 2_000);
    expect(ids(server)).toEqual(['7'.padStart(32, '0')]);
    expect(await store.shift()).toBeUndefined();
  });
});
