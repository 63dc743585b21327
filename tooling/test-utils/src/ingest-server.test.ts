import { request } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from './ingest-server';

const ENVELOPE = '{"event_id":"5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60"}\n{"type":"event"}\n{"event_id":"5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60","level":"error"}\n';

function post(url: string, body: Buffer, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('ingest server', () => {
  let server: IngestServer;
  beforeEach(async () => {
    server = await startIngestServer();
  });
  afterEach(() => server.close());

  it('gives a DSN that points at itself', () => {
    expect(server.dsn).toBe(`http://ab12cd34ef56ab12cd34ef56ab12cd34@${server.url.slice('http://'.length)}/4711`);
  });

  it.each([
    ['plain', (b: Buffer) => b, undefined],
    ['gzip', (b: Buffer) => gzipSync(b), 'gzip'],
    ['brotli', (b: Buffer) => brotliCompressSync(b), 'br'],
  ])('decodes %s bodies and parses the envelope', async (_name, encode, encoding) => {
    const response = await post(`${server.url}/api/4711/envelope/`, encode(Buffer.from(ENVELOPE)), encoding ? { 'content-encoding': encoding } : {});
    expect(response.status).toBe(200);
    const [received] = await server.waitForEnvelopes(1);
    expect(received!.url).toBe('/api/4711/envelope/');
    expect(received!.body.toString()).toBe(ENVELOPE);
    expect(received!.envelope[1][0]![1]).toEqual({ event_id: '5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60', level: 'error' });
  });

  it('answers as told, e.g. 429 with rate-limit headers', async () => {
    server.respondWith({ kind: 'status', status: 429, headers: { 'retry-after': '60', 'x-sentry-rate-limits': '60:error:key' } });
    const response = await post(`${server.url}/api/4711/envelope/`, Buffer.from(ENVELOPE));
    expect(response.status).toBe(429);
    expect(response.headers['x-sentry-rate-limits']).toBe('60:error:key');
  });

  it('records malformed bodies as rejected instead of received', async () => {
    await post(`${server.url}/api/4711/envelope/`, Buffer.from('not json\n'));
    expect(server.received).toHaveLength(0);
    expect(server.rejected[0]!.reason).toMatch(/not valid JSON/);
  });

  it('can reset the connection', async () => {
    server.respondWith({ kind: 'reset' });
    await expect(post(`${server.url}/api/4711/envelope/`, Buffer.from(ENVELOPE))).rejects.toThrow();
  });
});
