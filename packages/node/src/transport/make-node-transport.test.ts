import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompressionAlgo, type DataCategory, type DiscardReason } from '@sentry-sdk/core';
import { getEnvelopeEndpointWithUrlEncodedAuth, parseDsn, type Envelope } from '@sentry-sdk/core/internal';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { makeNodeTransport, type NodeTransportOptions } from './make-node-transport';

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

let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await ingest.close();
});

describe('makeNodeTransport', () => {
  it('posts the envelope with the envelope content type, a User-Agent and auth in the query', async () => {
    const { options } = createOptions(endpointOf(ingest.dsn));
    const response = await makeNodeTransport(options).send(eventEnvelope());
    expect(response).toMatchObject({ statusCode: 200 });

    const [received] = await ingest.waitForEnvelopes(1);
    expect(received!.url).toMatch(/^\/api\/4711\/envelope\/\?sentry_version=7&sentry_key=ab12cd34/);
    expect(received!.headers['content-type']).toBe('application/x-sentry-envelope');
    expect(received!.headers['user-agent']).toMatch(/^oss\.javascript\.node\/\d+\.\d+\.\d+/);
    expect(received!.headers['content-encoding']).toBeUndefined();
    expect(received!.headers['x-sentry-auth']).toBeUndefined();
    const [headers, items] = received!.envelope;
    expect(headers).toMatchObject({ event_id: EVENT_ID, sent_at: expect.any(String) });
    assertValidEvent(items[0]![1]);
    expect(items[0]![1]).toMatchObject({ logentry: { message: 'hello' } });
  });

  it('gzips bodies of 32 KiB and more', async () => {
    const { options } = createOptions(endpointOf(ingest.dsn));
    await makeNodeTransport(options).send(eventEnvelope('large', 40_000));
    const [received] = await ingest.waitForEnvelopes(1);
    expect(received!.headers['content-encoding']).toBe('gzip');
    expect(Number(received!.headers['content-length'])).toBeLessThan(received!.body.length / 10);
    const event = received!.envelope[1][0]![1] as { extra: { padding: string } };
    assertValidEvent(event);
    expect(event.extra.padding).toHaveLength(40_000);
  });

  it('uses brotli when chosen', async () => {
    const { options } = createOptions(endpointOf(ingest.dsn), { compression: CompressionAlgo.BROTLI });
    await makeNodeTransport(options).send(eventEnvelope('large', 40_000));
    const [received] = await ingest.waitForEnvelopes(1);
    expect(received!.headers['content-encoding']).toBe('br');
    expect((received!.envelope[1][0]![1] as { extra: { padding: string } }).extra.padding).toHaveLength(
      40_000,
    );
  });

  it('maps rate-limit headers so that limited categories are dropped without a request', async () => {
    const { options, dropped } = createOptions(endpointOf(ingest.dsn));
    const transport = makeNodeTransport(options);
    ingest.respondWith({
      kind: 'status',
      status: 429,
      headers: { 'x-sentry-rate-limits': '60:error:organization', 'retry-after': '60' },
    });
    const response = await transport.send(eventEnvelope('first'));
    expect(response).toEqual({
      statusCode: 429,
      headers: { 'x-sentry-rate-limits': '60:error:organization', 'retry-after': '60' },
    });
    ingest.respondWith({ kind: 'status', status: 200 });
    await transport.send(eventEnvelope('second'));
    await transport.flush(1000);
    expect(ingest.received).toHaveLength(1);
    expect(dropped).toEqual([{ reason: 'ratelimit_backoff', category: 'error', quantity: 1 }]);
  });

  it('fails a request that gets no answer within `timeout` and records a network error', async () => {
    ingest.respondWith({ kind: 'hang' });
    const { options, dropped } = createOptions(endpointOf(ingest.dsn), { timeout: 200 });
    await expect(makeNodeTransport(options).send(eventEnvelope())).rejects.toThrow(/within 200 ms/);
    expect(dropped).toEqual([{ reason: 'network_error', category: 'error', quantity: 1 }]);
  });

  it('reuses one keep-alive connection for consecutive envelopes', async () => {
    let connections = 0;
    const server = createHttpServer((req, res) => req.resume().on('end', () => res.end('{}')));
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const transport = makeNodeTransport(createOptions(`http://127.0.0.1:${port}/api/1/envelope/`).options);
      for (let i = 0; i < 3; i++)
        expect(await transport.send(eventEnvelope(`n${i}`))).toMatchObject({ statusCode: 200 });
      expect(connections).toBe(1);
      const single = makeNodeTransport(
        createOptions(`http://127.0.0.1:${port}/api/1/envelope/`, { keepAlive: false }).options,
      );
      for (let i = 0; i < 2; i++) await single.send(eventEnvelope(`n${i}`));
      expect(connections).toBe(3);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
