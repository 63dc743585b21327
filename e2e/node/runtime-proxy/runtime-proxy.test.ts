import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { receivedEvents, runSubject } from '../runtime-lib/run-subject';

const script = join(import.meta.dirname, 'subject.cjs');
let ingest: IngestServer;
let proxyUrl = '';
let connects: IncomingMessage[] = [];
let closeProxy: () => Promise<void>;

beforeEach(async () => {
  ingest = await startIngestServer();
  connects = [];
  const sockets = new Set<Socket>();
  // a real forward proxy that tunnels CONNECT requests to the target
  const proxy = createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    connects.push(req);
    const [host, port] = req.url!.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  closeProxy = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  };
});
afterEach(async () => {
  await closeProxy();
  await ingest.close();
});

describe('an app with http_proxy in its environment', () => {
  it('sends its events through a CONNECT tunnel of the proxy', async () => {
    const result = await runSubject(script, ingest, { env: { http_proxy: proxyUrl } });
    expect(result.code).toBe(0);
    expect(connects.map((req) => [req.method, req.url])).toEqual([
      ['CONNECT', `127.0.0.1:${new URL(ingest.url).port}`],
    ]);
    expect(receivedEvents(ingest).map((event) => event.exception!.values!.at(-1)!.value)).toEqual([
      'sent through the proxy',
    ]);
  });

  it('goes direct when NO_PROXY lists the ingest host', async () => {
    const result = await runSubject(script, ingest, {
      env: { HTTP_PROXY: proxyUrl, NO_PROXY: 'localhost,127.0.0.1' },
    });
    expect(result.code).toBe(0);
    expect(connects).toEqual([]);
    expect(receivedEvents(ingest)).toHaveLength(1);
  });
});
