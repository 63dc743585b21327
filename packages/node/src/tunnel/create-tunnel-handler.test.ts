// The tunnel handler in a real node:http server and a real Express app, forwarding to a real ingest server.
import { createServer, type RequestListener, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startIngestServer, TEST_PUBLIC_KEY, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTunnelHandler, type TunnelHandlerOptions } from './create-tunnel-handler';

// express has no type declarations here: the few calls the test makes, typed
interface ExpressApp extends RequestListener {
  post(path: string, ...handlers: unknown[]): void;
}
interface Express {
  (): ExpressApp;
  raw(options: { type: string }): unknown;
}
const express = createRequire(import.meta.url)('express') as Express;

let ingest: IngestServer;
let other: IngestServer;
let app: Server | undefined;
beforeEach(async () => {
  ingest = await startIngestServer();
  other = await startIngestServer();
});
afterEach(async () => {
  await new Promise((resolve) => (app ? app.close(resolve) : resolve(undefined)));
  app = undefined;
  await Promise.all([ingest.close(), other.close()]);
});

function envelopeFor(dsn: string, message = 'through the tunnel'): string {
  const event = { event_id: 'a'.repeat(32), message, platform: 'javascript' };
  return `${JSON.stringify({ event_id: event.event_id, dsn })}\n${JSON.stringify({ type: 'event' })}\n${JSON.stringify(event)}\n`;
}

async function listen(server: Server): Promise<string> {
  app = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/tunnel`;
}

async function startTunnel(options: TunnelHandlerOptions): Promise<string> {
  return listen(createServer(createTunnelHandler(options)));
}

const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers } });

describe('createTunnelHandler', () => {
  it('forwards an envelope unchanged to the DSN host, authenticated by its public key, and answers as the host did', async () => {
    const url = await startTunnel({ dsn: ingest.dsn });
    const body = envelopeFor(ingest.dsn);
    const response = await post(url, body);
    expect(response.status).toBe(200);
    const [received] = await ingest.waitForEnvelopes(1);
    expect(received!.body.toString('utf8')).toBe(body);
    expect(received!.url).toMatch(
      new RegExp(`^/api/4711/envelope/\\?sentry_version=7&sentry_key=${TEST_PUBLIC_KEY}`),
    );
  });

  it('passes the rate-limit headers of the host back to the browser', async () => {
    ingest.respondWith({
      kind: 'status',
      status: 429,
      headers: { 'x-sentry-rate-limits': '60:error:organization', 'retry-after': '60' },
    });
    const url = await startTunnel({ dsn: ingest.dsn });
    const response = await post(url, envelopeFor(ingest.dsn));
    expect(response.status).toBe(429);
    expect(response.headers.get('x-sentry-rate-limits')).toBe('60:error:organization');
    expect(response.headers.get('retry-after')).toBe('60');
  });

  it('refuses other hosts and other projects with 403, and connects to none of them', async () => {
    const url = await startTunnel({ dsn: ingest.dsn });
    expect((await post(url, envelopeFor(other.dsn))).status).toBe(403);
    expect((await post(url, envelopeFor(ingest.dsn.replace(/\/4711$/, '/999')))).status).toBe(403);
    expect((await post(url, envelopeFor(ingest.dsn.replace('http://', 'https://')))).status).toBe(403);
    expect(other.received).toHaveLength(0);
    expect(ingest.received).toHaveLength(0);
  });

  it('forwards to allowedHosts, for any project', async () => {
    const host = new URL(other.url).host;
    const url = await startTunnel({ dsn: ingest.dsn, allowedHosts: [host] });
    expect((await post(url, envelopeFor(other.dsn.replace(/\/4711$/, '/12')))).status).toBe(200);
    const [received] = await other.waitForEnvelopes(1);
    expect(received!.url).toMatch(/^\/api\/12\/envelope\//);
  });

  it('refuses envelopes without a DSN (400), other methods (405) and bodies over the limit (413)', async () => {
    const url = await startTunnel({ dsn: ingest.dsn, maxBodyBytes: 1024 });
    expect((await post(url, '{}\n{"type":"event"}\n{}\n')).status).toBe(400);
    expect((await post(url, 'not an envelope')).status).toBe(400);
    expect((await fetch(url)).status).toBe(405);
    expect((await post(url, envelopeFor(ingest.dsn, 'x'.repeat(4096)))).status).toBe(413);
    expect(ingest.received).toHaveLength(0);
  });

  it('forwards a gzip-compressed envelope with its encoding', async () => {
    const url = await startTunnel({ dsn: ingest.dsn });
    const body = envelopeFor(ingest.dsn, 'compressed');
    expect((await post(url, gzipSync(body), { 'content-encoding': 'gzip' })).status).toBe(200);
    const [received] = await ingest.waitForEnvelopes(1);
    expect(received!.headers['content-encoding']).toBe('gzip');
    expect(received!.body.toString('utf8')).toBe(body);
  });

  it('answers 502 when the host cannot be reached', async () => {
    const dsn = ingest.dsn;
    await ingest.close();
    const url = await startTunnel({ dsn });
    expect((await post(url, envelopeFor(dsn))).status).toBe(502);
    ingest = await startIngestServer();
  });

  it('works as an Express route, with or without a body parser before it', async () => {
    const server = express();
    server.post('/tunnel', createTunnelHandler({ dsn: ingest.dsn }));
    server.post('/tunnel-raw', express.raw({ type: '*/*' }), createTunnelHandler({ dsn: ingest.dsn }));
    const url = await listen(createServer(server));
    expect((await post(url, envelopeFor(ingest.dsn, 'plain route'))).status).toBe(200);
    expect((await post(`${url}-raw`, envelopeFor(ingest.dsn, 'after express.raw'))).status).toBe(200);
    const received = await ingest.waitForEnvelopes(2);
    const messages = received.map(({ envelope }) => (envelope[1][0]![1] as { message: string }).message);
    expect(messages.sort()).toEqual(['after express.raw', 'plain route']);
  });
});
