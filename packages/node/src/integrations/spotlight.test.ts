import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  captureException,
  captureMessage,
  close,
  getCurrentScope,
  setAsyncContextStrategy,
  startSpan,
  type Event,
} from '@sentry-sdk/core';
import { parseEnvelope } from '@sentry-sdk/core/internal';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { init } from '../sdk';
import { httpIntegration } from './http';
import { DEFAULT_SIDECAR_URL, getSpotlightUrl } from './spotlight';

interface Sidecar {
  url: string;
  posts: { path: string; contentType: string | undefined; body: Buffer }[];
  waitForPosts(count: number): Promise<void>;
  close(): Promise<void>;
}

/** A stand-in for the Spotlight sidecar: accepts POST /stream. */
async function startSidecar(): Promise<Sidecar> {
  const posts: Sidecar['posts'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/stream')
        posts.push({ path: req.url, contentType: req.headers['content-type'], body: Buffer.concat(chunks) });
      res.writeHead(req.url === '/stream' ? 200 : 404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/stream`,
    posts,
    async waitForPosts(count) {
      for (let i = 0; i < 200 && posts.length < count; i += 1) await new Promise((r) => setTimeout(r, 10));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const PROCESS_HANDLERS = ['OnUncaughtException', 'OnUnhandledRejection', 'GracefulShutdown', 'Http', 'NodeFetch'];
let ingest: IngestServer;
let sidecar: Sidecar;
beforeEach(async () => {
  ingest = await startIngestServer();
  sidecar = await startSidecar();
});
afterEach(async () => {
  await close(1000);
  getCurrentScope().setClient(undefined);
  setAsyncContextStrategy(undefined);
  await Promise.all([ingest.close(), sidecar.close()]);
});

function start(spotlight: boolean | string): void {
  init({
    dsn: ingest.dsn,
    spotlight,
    integrations: (defaults) => defaults.filter((integration) => !PROCESS_HANDLERS.includes(integration.name)),
  });
}

describe('the spotlight option', () => {
  it('also posts every envelope, unchanged, to the sidecar', async () => {
    start(sidecar.url);
    captureException(new Error('seen in spotlight'));
    await close(2000);
    await sidecar.waitForPosts(1);
    expect(sidecar.posts).toHaveLength(1);
    expect(sidecar.posts[0]!.contentType).toBe('application/x-sentry-envelope');
    const [headers, items] = parseEnvelope(sidecar.posts[0]!.body);
    const event = items[0]![1] as Event;
    assertValidEvent(event);
    expect(event.exception!.values!.at(-1)!.value).toBe('seen in spotlight');
    const [sent] = ingest.received;
    expect(sent!.envelope[0].event_id).toBe(headers.event_id);
  });

  it('keeps sending to Sentry when the sidecar is not running', async () => {
    const url = sidecar.url;
    await sidecar.close();
    sidecar = await startSidecar(); // closed again in afterEach; `url` now points nowhere
    start(url);
    captureException(new Error('no sidecar'));
    captureException(new Error('still no sidecar'));
    await ingest.waitForEnvelopes(2);
    expect(ingest.received).toHaveLength(2);
  });

  it('leaves no breadcrumb, span or client report of its own requests', async () => {
    // outgoing requests are recorded as usual; the incoming side of this process's stand-ins is not
    init({
      dsn: ingest.dsn,
      spotlight: sidecar.url,
      tracesSampleRate: 1,
      integrations: (defaults) => [
        ...defaults.filter((integration) => integration.name !== 'GracefulShutdown'),
        httpIntegration({ ignoreIncomingRequests: () => true }),
      ],
    });
    captureMessage('first');
    await sidecar.waitForPosts(1);
    startSpan({ name: 'job' }, () => captureMessage('second'));
    await close(2000);

    const items = ingest.received.flatMap(({ envelope }) => envelope[1]);
    const payloadOf = (type: string): Event[] =>
      items.filter(([headers]) => headers.type === type).map(([, payload]) => payload as Event);
    const second = payloadOf('event').find((event) => event.logentry?.message === 'second');
    expect(second).toBeDefined();
    expect(second!.breadcrumbs).toBeUndefined();
    const [transaction] = payloadOf('transaction');
    expect(transaction!.spans ?? []).toEqual([]);
    expect(payloadOf('client_report')).toEqual([]);
  });

  it('is off unless asked for, and reads SENTRY_SPOTLIGHT', () => {
    expect(getSpotlightUrl(undefined, undefined)).toBeUndefined();
    expect(getSpotlightUrl(false, 'true')).toBeUndefined();
    expect(getSpotlightUrl(true, undefined)).toBe(DEFAULT_SIDECAR_URL);
    expect(getSpotlightUrl(undefined, 'yes')).toBe(DEFAULT_SIDECAR_URL);
    expect(getSpotlightUrl(undefined, 'http://localhost:9000/stream')).toBe('http://localhost:9000/stream');
    expect(getSpotlightUrl(undefined, 'off')).toBeUndefined();
  });
});
