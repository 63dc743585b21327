import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { parseEnvelope, type Envelope } from '@sentry-sdk/core/internal';

/** How the ingest server answers the next requests. */
export type IngestResponse =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  | { kind: 'hang' }
  | { kind: 'reset' };

/** One request that reached the server, decoded and parsed. */
export interface ReceivedEnvelope {
  envelope: Envelope;
  /** The decompressed body, byte for byte. */
  body: Buffer;
  url: string;
  headers: IncomingMessage['headers'];
}

/** A real HTTP server on 127.0.0.1 that speaks the ingest side of the envelope protocol. */
export interface IngestServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** A DSN whose ingest URL is this server. */
  dsn: string;
  /** Every envelope received so far, oldest first. */
  received: ReceivedEnvelope[];
  /** Requests whose body could not be decoded or parsed, with the reason. */
  rejected: { url: string; reason: string }[];
  /** Sets how the server answers from now on (default: 200). */
  respondWith(response: IngestResponse): void;
  /** Resolves once `count` envelopes have arrived; rejects after `timeoutMs`. */
  waitForEnvelopes(count: number, timeoutMs?: number): Promise<ReceivedEnvelope[]>;
  close(): Promise<void>;
}

export const TEST_PUBLIC_KEY = 'ab12cd34ef56ab12cd34ef56ab12cd34';
export const TEST_PROJECT_ID = '4711';

/** Starts an ingest server on a free port of 127.0.0.1. */
export async function startIngestServer(): Promise<IngestServer> {
  const received: ReceivedEnvelope[] = [];
  const rejected: { url: string; reason: string }[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let response: IngestResponse = { kind: 'status', status: 200 };

  const notify = (): void => {
    for (const waiter of [...waiters]) {
      if (received.length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders()).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      try {
        const body = decodeBody(Buffer.concat(chunks), req.headers['content-encoding']);
        received.push({ envelope: parseEnvelope(body), body, url, headers: req.headers });
      } catch (error) {
        rejected.push({ url, reason: error instanceof Error ? error.message : String(error) });
      }
      answer(res, response, hanging);
      notify();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    dsn: `http://${TEST_PUBLIC_KEY}@127.0.0.1:${port}/${TEST_PROJECT_ID}`,
    received,
    rejected,
    respondWith(next) {
      response = next;
    },
    waitForEnvelopes(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`expected ${count} envelopes within ${timeoutMs} ms, got ${received.length}`));
        }, timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received.slice());
          },
        });
        notify();
      });
    },
    async close() {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(res: ServerResponse, response: IngestResponse, hanging: Set<ServerResponse>): void {
  switch (response.kind) {
    case 'hang':
      hanging.add(res);
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'status':
      res.writeHead(response.status, { ...corsHeaders(), ...response.headers });
      res.end(response.body ?? (response.status === 200 ? '{}' : ''));
  }
}

function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-expose-headers': 'x-sentry-rate-limits, retry-after',
  };
}

function decodeBody(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding?.toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return body;
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'br':
      return brotliDecompressSync(body);
    case 'deflate':
      return inflateSync(body);
    default:
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
}
