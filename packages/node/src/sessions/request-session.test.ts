import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  captureException,
  captureMessage,
  getCurrentScope,
  setAsyncContextStrategy,
  withIsolationScope,
  type Integration,
} from '@sentry-sdk/core';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { setNodeAsyncContextStrategy } from '../async-context';
import { NodeClient } from '../client';
import { nodeStackParser } from '../stack';
import { makeNodeTransport } from '../transport';
import { endRequestSession, startRequestSession, trackRequestSession } from './request-session';
import { requestSessionsIntegration } from './request-sessions-integration';

interface SessionsPayload {
  aggregates: { started: string; exited?: number; errored?: number; crashed?: number }[];
  attrs: { release: string; environment: string };
}

let ingest: IngestServer;
let client: NodeClient;
beforeEach(async () => {
  ingest = await startIngestServer();
  setNodeAsyncContextStrategy();
});
afterEach(async () => {
  await client.close(1000);
  getCurrentScope().setClient(undefined);
  setAsyncContextStrategy(undefined);
  await ingest.close();
});

function start(options: { release?: string; integrations?: Integration[] } = { release: 'api@2.0.0' }): void {
  client = new NodeClient({
    dsn: ingest.dsn,
    environment: 'staging',
    integrations: options.integrations ?? [],
    stackParser: nodeStackParser,
    transport: makeNodeTransport,
    sdk: { name: 'oss.javascript.node', version: '0.0.0' },
    platform: 'node',
    ...(options.release && { release: options.release }),
  });
  getCurrentScope().setClient(client);
  client.setupIntegrations();
}

/** One incoming request in its own isolation scope, as the HTTP instrumentation runs it. */
function request(handle: () => void | Promise<void>): Promise<void> {
  return withIsolationScope(async () => {
    startRequestSession();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handle();
    await new Promise((resolve) => setTimeout(resolve, 20)); // the response is being written
    endRequestSession();
  });
}

function sessionsPayloads(): SessionsPayload[] {
  return ingest.received.flatMap(({ envelope }) =>
    envelope[1].filter(([headers]) => headers.type === 'sessions').map(([, payload]) => payload as SessionsPayload),
  );
}

const minuteOf = (ms: number): string => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

describe('request sessions', () => {
  it('counts concurrent requests as exited, errored and crashed by what they captured, in one bucket', async () => {
    start();
    const begun = Date.now();
    await Promise.all([
      request(() => undefined),
      request(() => void captureMessage('only a message', 'error')),
      request(() => void captureException(new Error('handled'))),
      request(() => void captureException(new Error('unhandled'), { mechanism: { type: 'test', handled: false } })),
    ]);
    await client.flush(1000);
    const [payload, ...others] = sessionsPayloads();
    expect(others).toEqual([]);
    expect(payload!.attrs).toEqual({ release: 'api@2.0.0', environment: 'staging' });
    expect(payload!.aggregates).toHaveLength(1);
    const [bucket] = payload!.aggregates;
    expect([minuteOf(begun), minuteOf(Date.now())]).toContain(bucket!.started);
    expect(bucket).toMatchObject({ exited: 2, errored: 1, crashed: 1 });
  });

  it('moves a request that was counted before its error event was processed', async () => {
    start();
    withIsolationScope(() => {
      startRequestSession();
      captureException(new Error('processed later'));
      endRequestSession(); // the response went out first
    });
    await client.flush(1000);
    expect(sessionsPayloads()[0]!.aggregates[0]).toMatchObject({ errored: 1 });
    expect(sessionsPayloads()[0]!.aggregates[0]!.exited ?? 0).toBe(0);
  });

  it("counts the requests the HTTP instrumentation reports through the client's requestEnd hook, once each", async () => {
    start();
    await withIsolationScope(async (isolationScope) => {
      startRequestSession(isolationScope);
      captureException(new Error('in the handler'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      client.emit('requestEnd', { isolationScope, statusCode: 500 });
      client.emit('requestEnd', { isolationScope, statusCode: 500 });
    });
    withIsolationScope((isolationScope) => client.emit('requestEnd', { isolationScope, statusCode: 200 }));
    await client.flush(1000);
    expect(sessionsPayloads()[0]!.aggregates).toEqual([
      { started: expect.any(String), errored: 1, exited: 1 },
    ]);
  });

  it('sends at most 100 buckets per item, oldest first', async () => {
    start();
    const base = Date.UTC(2026, 0, 1, 10, 0, 30);
    for (let minute = 0; minute < 150; minute += 1) trackRequestSession('exited', base + minute * 60_000);
    trackRequestSession('crashed', base);
    await client.flush(1000);
    const payloads = sessionsPayloads();
    expect(payloads.map((payload) => payload.aggregates.length)).toEqual([100, 50]);
    expect(payloads[0]!.aggregates[0]).toEqual({ started: '2026-01-01T10:00:00.000Z', exited: 1, crashed: 1 });
    expect(payloads[1]!.aggregates.at(-1)!.started).toBe('2026-01-01T12:29:00.000Z');
  });

  it('sends on its interval without a flush, and nothing at all without a release', async () => {
    start({ release: 'api@2.0.0', integrations: [requestSessionsIntegration({ flushIntervalMs: 50 })] });
    trackRequestSession('exited');
    await ingest.waitForEnvelopes(1, 5000);
    expect(sessionsPayloads()[0]!.aggregates[0]).toMatchObject({ exited: 1 });
    await client.close(1000);

    ingest.received.length = 0;
    start({});
    await request(() => undefined);
    await client.flush(1000);
    expect(ingest.received).toEqual([]);
  });
});
