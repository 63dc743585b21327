import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataCategory, DiscardReason } from '@sentry-sdk/core';
import {
  getEnvelopeEndpointWithUrlEncodedAuth,
  parseDsn,
  parseEnvelope,
  type Envelope,
} from '@sentry-sdk/core/internal';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { makeNodeTransport, type NodeTransportOptions } from './make-node-transport';

// The Node transport through CONNECT tunnels (create-tunnel-agent.ts) and over TLS with custom CAs.

const EVENT_ID = 'c0ffee00c0ffee00c0ffee00c0ffee00';

function eventEnvelope(message = 'hello', padding = 0): Envelope {
  const event = {
    event_id: EVENT_ID,
    timestamp: 1732390000.125,
    platform: 'node',
    level: 'error',
    logentry: { message },
    ...(padding ? { extra: { padding: 'x'.repeat(padding) } } : {}),
  };
  return [{ event_id: EVENT_ID }, [[{ type: 'event' }, event]]];
}

function endpointOf(dsn: string): string {
  const parsed = parseDsn(dsn);
  if (!('dsn' in parsed)) throw new Error(parsed.error);
  return getEnvelopeEndpointWithUrlEncodedAuth(parsed.dsn, undefined, {
    name: 'oss.javascript.node',
    version: '0.0.0',
  });
}

function createOptions(url: string, extra: Partial<NodeTransportOptions> = {}) {
  const dropped: { reason: DiscardReason; category: DataCategory; quantity: number }[] = [];
  const options: NodeTransportOptions = {
    url,
    recordDroppedEvent: (reason, category, quantity = 1) => dropped.push({ reason, category, quantity }),
    ...extra,
  };
  return { options, dropped };
}

/** A real forward proxy that only speaks CONNECT and records what it was asked. */
async function startConnectProxy(): Promise<{
  url: string;
  connects: IncomingMessage[];
  close(): Promise<void>;
}> {
  const connects: IncomingMessage[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createHttpServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    connects.push(req);
    const [host, port] = [req.url!.slice(0, req.url!.lastIndexOf(':')), Number(req.url!.split(':').pop())];
    const upstream = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await ingest.close();
});

describe('makeNodeTransport through a CONNECT proxy', () => {
  let proxy: Awaited<ReturnType<typeof startConnectProxy>>;
  const saved = { ...process.env };
  beforeEach(async () => {
    proxy = await startConnectProxy();
    for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY']) {
      delete process.env[name];
    }
  });
  afterEach(async () => {
    process.env = { ...saved };
    await proxy.close();
  });

  it('tunnels through the `proxy` option, with credentials from its URL', async () => {
    const proxyUrl = proxy.url.replace('http://', 'http://ops:s%40cret@');
    const { options } = createOptions(endpointOf(ingest.dsn), { proxy: proxyUrl });
    await makeNodeTransport(options).send(eventEnvelope('via proxy'));

    const [received] = await ingest.waitForEnvelopes(1);
    assertValidEvent(received!.envelope[1][0]![1]);
    expect(proxy.connects).toHaveLength(1);
    const { port } = new URL(ingest.url);
    expect(proxy.connects[0]!.method).toBe('CONNECT');
    expect(proxy.connects[0]!.url).toBe(`127.0.0.1:${port}`);
    expect(proxy.connects[0]!.headers['proxy-authorization']).toBe(
      `Basic ${Buffer.from('ops:s@cret').toString('base64')}`,
    );
  });

  it('tunnels through http_proxy from the environment, unless NO_PROXY lists the host', async () => {
    process.env['http_proxy'] = proxy.url;
    await makeNodeTransport(createOptions(endpointOf(ingest.dsn)).options).send(eventEnvelope('env proxy'));
    await ingest.waitForEnvelopes(1);
    expect(proxy.connects).toHaveLength(1);

    process.env['NO_PROXY'] = 'example.com, 127.0.0.1';
    await makeNodeTransport(createOptions(endpointOf(ingest.dsn)).options).send(eventEnvelope('direct'));
    await ingest.waitForEnvelopes(2);
    expect(proxy.connects).toHaveLength(1);
  });

  it('reports a proxy that refuses the tunnel as a network error', async () => {
    const refusing = createHttpServer();
    refusing.on('connect', (_req, socket: Socket) =>
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n'),
    );
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
    try {
      const { options, dropped } = createOptions(endpointOf(ingest.dsn), { proxy: proxyUrl });
      await expect(makeNodeTransport(options).send(eventEnvelope())).rejects.toThrow(/407/);
      expect(dropped).toEqual([{ reason: 'network_error', category: 'error', quantity: 1 }]);
      expect(ingest.received).toHaveLength(0);
    } finally {
      refusing.close();
    }
  });
});

describe('makeNodeTransport over https', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdk-tls-'));
  let cert = '';
  let key = '';
  let hasOpenssl = true;
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    key = readFileSync(join(dir, 'key.pem'), 'utf8');
  } catch {
    hasOpenssl = false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  /** A TLS ingest endpoint with a self-signed certificate; answers 200 and keeps the parsed envelopes. */
  async function startTlsIngest() {
    const received: Envelope[] = [];
    const server = createHttpsServer({ cert, key }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        received.push(parseEnvelope(req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body));
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    return {
      url: `https://127.0.0.1:${port}/api/4711/envelope/?sentry_key=k&sentry_version=7`,
      received,
      server,
    };
  }

  it.skipIf(!hasOpenssl)('trusts `caCerts` for the ingest host, directly and through a proxy', async () => {
    const tlsIngest = await startTlsIngest();
    const proxy = await startConnectProxy();
    try {
      const untrusted = createOptions(tlsIngest.url);
      await expect(makeNodeTransport(untrusted.options).send(eventEnvelope())).rejects.toThrow(
        /self[- ]signed/,
      );

      await makeNodeTransport(createOptions(tlsIngest.url, { caCerts: cert }).options).send(
        eventEnvelope('direct'),
      );
      await makeNodeTransport(
        createOptions(tlsIngest.url, { caCerts: [cert], proxy: proxy.url }).options,
      ).send(eventEnvelope('tunnelled'));
      expect(
        tlsIngest.received.map(
          (envelope) => (envelope[1][0]![1] as { logentry: { message: string } }).logentry.message,
        ),
      ).toEqual(['direct', 'tunnelled']);
      expect(proxy.connects.map((req) => req.url)).toEqual([`127.0.0.1:${new URL(tlsIngest.url).port}`]);
    } finally {
      tlsIngest.server.closeAllConnections();
      tlsIngest.server.close();
      await proxy.close();
    }
  });
});
