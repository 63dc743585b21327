import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkInItem,
  envelopeBody,
  errorEvent,
  hexId,
  logItem,
  transactionEvent,
} from '../test-envelopes.test-helper';
import { startSidecar, type Sidecar } from './start-sidecar';

let sidecar: Sidecar;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sidecar-http-'));
  sidecar = await startSidecar({
    port: 0,
    dataDir,
    engine: 'sql.js',
    maxEnvelopeBytes: 256 * 1024,
    maxEventBytes: 64 * 1024,
  });
});
afterAll(async () => {
  await sidecar.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const post = (body: Uint8Array | string, headers: Record<string, string> = {}, path = '/api/1/envelope/') =>
  fetch(`${sidecar.url}${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: { 'content-type': 'application/x-sentry-envelope', ...headers },
  });
const api = async <T = any>(path: string): Promise<T> =>
  (await fetch(`${sidecar.url}/api/_sidecar/${path}`)).json() as Promise<T>;

/** A valid envelope posts fine: the check that the sidecar still serves after a bad request. */
async function expectStillServing(): Promise<void> {
  const event = errorEvent({ type: 'HealthCheck' });
  const response = await post(envelopeBody([[{ type: 'event' }, event]], { event_id: event['event_id'] }));
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ id: event['event_id'] });
}

describe('POST /api/:projectId/envelope/', () => {
  it('stores the envelope and answers 200 with the event id, recording the key it was sent with', async () => {
    const event = errorEvent({ type: 'StoredError' });
    const response = await post(envelopeBody([[{ type: 'event' }, event]], { event_id: event['event_id'] }), {
      'x-sentry-auth': 'Sentry sentry_version=7, sentry_client=test/1.0, sentry_key=header-key',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: event['event_id'] });
    const stored = await api(`events/${event['event_id'] as string}`);
    expect(stored.item).toMatchObject({
      kind: 'event',
      public_key: 'header-key',
      project_id: '1',
      payload: event,
    });
  });

  it('reads the key from the query string and from the envelope header dsn', async () => {
    const fromQuery = errorEvent();
    await post(
      envelopeBody([[{ type: 'event' }, fromQuery]]),
      {},
      '/api/7/envelope/?sentry_version=7&sentry_key=query-key',
    );
    const fromDsn = errorEvent();
    await post(
      envelopeBody([[{ type: 'event' }, fromDsn]], { dsn: 'http://dsn-key@127.0.0.1:1/7' }),
      {},
      '/api/7/envelope',
    );
    expect((await api(`events/${fromQuery['event_id'] as string}`)).item.public_key).toBe('query-key');
    expect((await api(`events/${fromDsn['event_id'] as string}`)).item.public_key).toBe('dsn-key');
  });

  it('accepts envelopes at POST /stream, as local development tools send them', async () => {
    const event = errorEvent();
    const response = await post(envelopeBody([[{ type: 'event' }, event]]), {}, '/stream');
    expect(response.status).toBe(200);
    expect((await api(`events/${event['event_id'] as string}`)).item.event_id).toBe(event['event_id']);
  });

  it.each([
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('decompresses %s bodies', async (encoding, compress) => {
    const event = errorEvent();
    const response = await post(compress(envelopeBody([[{ type: 'event' }, event]])), {
      'content-encoding': encoding,
    });
    expect(response.status).toBe(200);
    expect((await api(`events/${event['event_id'] as string}`)).item.payload).toEqual(event);
  });

  it.each([
    [
      'a header line that is not JSON',
      '{"event_id":\n{"type":"event"}\n{}',
      'envelope header is not valid JSON',
    ],
    ['an item header that is not an object', '{}\n[1,2]\n{}', 'header of item 0 is not a JSON object'],
    ['an item without a type', '{}\n{"length":2}\n{}', 'item 0 has no type'],
    [
      'a truncated item',
      '{}\n{"type":"attachment","length":100,"filename":"a.txt"}\nshort',
      'item 0 is truncated: 100 bytes announced',
    ],
    ['a negative length', '{}\n{"type":"event","length":-1}\n{}', 'item 0 has an invalid length'],
    ['a fractional length', '{}\n{"type":"event","length":1.5}\n{}', 'item 0 has an invalid length'],
    [
      'an item longer than its length',
      '{}\n{"type":"attachment","length":2,"filename":"a"}\nabcdef',
      'item 0 is longer than its length of 2 bytes',
    ],
    [
      'an event that is not JSON',
      '{}\n{"type":"event"}\n{"event_id": nope}',
      'item 0 (event) is not a JSON object',
    ],
    ['an event that is a JSON array', '{}\n{"type":"event"}\n[]', 'item 0 (event) is not a JSON object'],
    [
      'a check-in that is a string',
      '{}\n{"type":"check_in"}\n"ok"',
      'item 0 (check_in) is not a JSON object',
    ],
    ['an empty body', '', 'envelope header is not valid JSON'],
  ])('answers 400 with the reason for %s, and keeps serving', async (_case, body, reason) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail: reason });
    await expectStillServing();
  });

  it('answers 400 for a body that is not what its Content-Encoding says, or an encoding it does not know', async () => {
    const corrupt = await post(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect(corrupt.status).toBe(400);
    expect(await corrupt.json()).toEqual({ detail: 'body is not valid gzip data' });
    const unknown = await post(envelopeBody([]), { 'content-encoding': 'snappy' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ detail: 'unsupported Content-Encoding: snappy' });
    await expectStillServing();
  });

  it('answers 413 past the envelope size limit, compressed or once decompressed, and keeps serving', async () => {
    const huge = envelopeBody([[{ type: 'attachment', filename: 'big.bin' }, new Uint8Array(300 * 1024)]]);
    const tooBig = await post(huge);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual({ detail: 'envelope larger than 262144 bytes' });

    // 300 KiB of zeros gzip to a few hundred bytes: the limit applies after decompression too
    const bomb = await post(gzipSync(huge), { 'content-encoding': 'gzip' });
    expect(bomb.status).toBe(413);
    expect(await bomb.json()).toEqual({ detail: 'decompressed envelope larger than 262144 bytes' });
    await expectStillServing();
  });

  it('answers 413 for an event item past the event size limit', async () => {
    const event = { ...errorEvent(), extra: { blob: 'x'.repeat(70 * 1024) } };
    const response = await post(envelopeBody([[{ type: 'event' }, event]]));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ detail: 'item 0 (event) is larger than 65536 bytes' });
    await expectStillServing();
  });

  it('answers CORS preflights and adds CORS headers, so browser SDKs can post cross-origin', async () => {
    const preflight = await fetch(`${sidecar.url}/api/1/envelope/`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-sentry-auth',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type,x-sentry-auth');

    const response = await post(envelopeBody([[{ type: 'event' }, errorEvent()]]), {
      origin: 'http://localhost:3000',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-sentry-rate-limits');
  });

  it('answers 405 to other methods on the ingest path', async () => {
    expect((await fetch(`${sidecar.url}/api/1/envelope/`)).status).toBe(405);
  });
});

describe('test rate limits', () => {
  const setLimits = (limits: string | null) =>
    fetch(`${sidecar.url}/api/_test/rate-limit`, { method: 'POST', body: JSON.stringify({ limits }) });

  it('answers 429 with X-Sentry-Rate-Limits and Retry-After while a limit covers every item', async () => {
    expect(await (await setLimits('60:error:key')).json()).toEqual({ limits: '60:error:key' });
    const event = errorEvent();
    const limited = await post(envelopeBody([[{ type: 'event' }, event]]));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-sentry-rate-limits')).toBe('60:error:key');
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await fetch(`${sidecar.url}/api/_sidecar/events/${event['event_id'] as string}`)).status).toBe(
      404,
    );

    // other categories pass; a mixed envelope keeps the items the limit does not cover
    const transaction = await post(envelopeBody([[{ type: 'transaction' }, transactionEvent(hexId())]]));
    expect(transaction.status).toBe(200);
    const mixed = await post(envelopeBody([[{ type: 'event' }, errorEvent()], checkInItem('partial', 'ok')]));
    expect(mixed.status).toBe(200);
    expect(mixed.headers.get('x-sentry-rate-limits')).toBe('60:error:key');

    expect(await (await setLimits(null)).json()).toEqual({ limits: null });
    expect((await post(envelopeBody([[{ type: 'event' }, errorEvent()]]))).status).toBe(200);
  });

  it('refuses malformed limits with 400', async () => {
    const response = await setLimits('soon:error');
    expect(response.status).toBe(400);
    expect((await response.json()).detail).toContain('retry_after must be a number');
  });

  it('starts with the limits of the rateLimits option', async () => {
    const limited = await startSidecar({
      port: 0,
      dataDir: join(dataDir, 'limited'),
      engine: 'sql.js',
      rateLimits: '30::organization:org_quota',
    });
    try {
      const response = await fetch(`${limited.url}/api/1/envelope/`, {
        method: 'POST',
        body: envelopeBody([checkInItem('m', 'ok')]),
      });
      expect(response.status).toBe(429);
      expect(response.headers.get('x-sentry-rate-limits')).toBe('30::organization:org_quota');
    } finally {
      await limited.close();
    }
  });
});

describe('the viewer API', () => {
  it('streams each stored envelope to live clients as a server-sent event', async () => {
    const controller = new AbortController();
    const response = await fetch(`${sidecar.url}/api/_sidecar/stream`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const event = errorEvent({ type: 'LiveError' });
    await post(envelopeBody([[{ type: 'event' }, event]]));
    let text = '';
    while (!text.includes('LiveError')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const data = /event: envelope\ndata: (.*)\n\n/.exec(text)?.[1];
    expect(JSON.parse(data!).items).toMatchObject([
      { kind: 'event', event_id: event['event_id'], name: 'LiveError: x is undefined', level: 'error' },
    ]);
  });

  it('lists logs filtered by level and text, check-ins per monitor and sessions', async () => {
    await post(
      envelopeBody([
        logItem([
          ['info', 'viewer api shipped'],
          ['error', 'viewer api failed'],
        ]),
      ]),
    );
    await post(envelopeBody([checkInItem('viewer-api-job', 'ok')]));
    await post(
      envelopeBody([
        [
          { type: 'session' },
          {
            sid: hexId(),
            init: true,
            started: new Date().toISOString(),
            status: 'ok',
            errors: 0,
            attrs: { release: 'shop@1.0.0' },
          },
        ],
      ]),
    );
    expect((await api('logs?level=error&q=viewer api')).map((log: { body: string }) => log.body)).toEqual([
      'viewer api failed',
    ]);
    expect(
      (await api('checkins')).find(
        (monitor: { monitor_slug: string }) => monitor.monitor_slug === 'viewer-api-job',
      )?.checkins,
    ).toHaveLength(1);
    expect(await api('sessions')).toMatchObject([{ kind: 'session', release: 'shop@1.0.0', status: 'ok' }]);
    expect((await fetch(`${sidecar.url}/api/_sidecar/logs?level=loud`)).status).toBe(400);
  });

  it('answers 404 for what it does not have', async () => {
    expect((await fetch(`${sidecar.url}/api/_sidecar/events/${hexId()}`)).status).toBe(404);
    expect((await fetch(`${sidecar.url}/api/_sidecar/traces/${hexId()}`)).status).toBe(404);
    expect((await fetch(`${sidecar.url}/api/_sidecar/nothing`)).status).toBe(404);
  });

  it('refuses viewer requests that name another host (DNS rebinding), while ingest stays open', async () => {
    const { request } = await import('node:http');
    const status = (path: string, method = 'GET') =>
      new Promise<number>((done, fail) => {
        const req = request(
          `${sidecar.url}${path}`,
          { method, headers: { host: 'attacker.example' } },
          (res) => {
            res.resume();
            done(res.statusCode ?? 0);
          },
        );
        req.on('error', fail);
        req.end(method === 'POST' ? envelopeBody([checkInItem('rebinding', 'ok')]) : undefined);
      });
    expect(await status('/api/_sidecar/issues')).toBe(403);
    expect(await status('/api/1/envelope/', 'POST')).toBe(200);
  });
});
