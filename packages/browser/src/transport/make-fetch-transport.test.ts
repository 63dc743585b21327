import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnvelope, type Envelope } from '@sentry-sdk/core/internal';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { makeFetchTransport } from './make-fetch-transport';

function eventEnvelope(size = 10): Envelope {
  const id = 'a'.repeat(32);
  return createEnvelope({ event_id: id }, [[{ type: 'event' }, { event_id: id, message: 'x'.repeat(size) }]]);
}

interface Call {
  url: string;
  init: RequestInit;
  resolve(response: Response): void;
}

function pendingFetch(): {
  calls: Call[];
  fetchImpl: (url: string, init?: RequestInit) => Promise<Response>;
} {
  const calls: Call[] = [];
  const fetchImpl = (url: string, init: RequestInit = {}): Promise<Response> =>
    new Promise((resolve) => calls.push({ url, init, resolve }));
  return { calls, fetchImpl };
}

const drops: string[] = [];
const options = {
  url: 'https://ingest.test/api/1/envelope/?sentry_key=k',
  recordDroppedEvent: (reason: string) => void drops.push(reason),
};

describe('makeFetchTransport against a real ingest server', () => {
  let server: IngestServer;
  beforeAll(async () => {
    server = await startIngestServer();
  });
  afterAll(() => server.close());

  it('delivers the envelope as a plain-text POST and reads rate limits from the response', async () => {
    server.respondWith({
      kind: 'status',
      status: 200,
      headers: { 'X-Sentry-Rate-Limits': '60:error:organization' },
    });
    const transport = makeFetchTransport(
      { url: `${server.url}/api/4711/envelope/`, recordDroppedEvent: () => undefined },
      fetch,
    );
    const response = await transport.send(eventEnvelope());
    expect(response).toMatchObject({
      statusCode: 200,
      headers: { 'x-sentry-rate-limits': '60:error:organization' },
    });
    const received = await server.waitForEnvelopes(1);
    expect(received[0]?.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(received[0]?.envelope[1][0]?.[0].type).toBe('event');
    // rate limited now: the next error envelope is not sent
    await transport.send(eventEnvelope());
    expect(server.received).toHaveLength(1);
    server.respondWith({ kind: 'status', status: 200 });
  });

  it('rejects when no response comes back, so the loss is recorded', async () => {
    const lost: string[] = [];
    server.respondWith({ kind: 'reset' });
    const transport = makeFetchTransport(
      { url: `${server.url}/api/4711/envelope/`, recordDroppedEvent: (reason) => void lost.push(reason) },
      fetch,
    );
    await expect(transport.send(eventEnvelope())).rejects.toBeDefined();
    expect(lost).toEqual(['network_error']);
    server.respondWith({ kind: 'status', status: 200 });
  });
});

describe('makeFetchTransport request options', () => {
  it('sends with referrerPolicy strict-origin, POST and keepalive for a small body', () => {
    const { calls, fetchImpl } = pendingFetch();
    void makeFetchTransport(options, fetchImpl).send(eventEnvelope());
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(options.url);
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      referrerPolicy: 'strict-origin',
      keepalive: true,
    });
    expect(typeof calls[0]?.init.body).toBe('string');
    expect(calls[0]?.init.headers).toBeUndefined();
  });

  it('keeps the in-flight keepalive bodies under 60 000 bytes, and frees the budget when they finish', async () => {
    const { calls, fetchImpl } = pendingFetch();
    const transport = makeFetchTransport(options, fetchImpl);
    void transport.send(eventEnvelope(25_000));
    void transport.send(eventEnvelope(25_000));
    void transport.send(eventEnvelope(25_000));
    expect(calls.map((call) => call.init.keepalive)).toEqual([true, true, false]);
    // a request without keepalive can be cancelled by an unloading page: it carries a signal
    expect(calls[2]?.init.signal).toBeInstanceOf(AbortSignal);
    calls[0]?.resolve(new Response('{}'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    void transport.send(eventEnvelope(25_000));
    expect(calls[3]?.init.keepalive).toBe(true);
  });

  it("releases each response body, which is what frees the browser's keepalive quota", async () => {
    const { calls, fetchImpl } = pendingFetch();
    const transport = makeFetchTransport(options, fetchImpl);
    const sent = transport.send(eventEnvelope());
    const response = new Response('{"id":"a"}');
    calls[0]?.resolve(response);
    await sent;
    expect(response.bodyUsed || response.body?.locked).toBe(true);
    await expect(response.text()).rejects.toThrow();
  });

  it('keeps at most 3 requests in flight; the others wait for a slot, in order', async () => {
    const { calls, fetchImpl } = pendingFetch();
    const transport = makeFetchTransport(options, fetchImpl);
    const sent = Array.from({ length: 5 }, (_, i) => transport.send(eventEnvelope(i)));
    expect(calls).toHaveLength(3);
    calls[1]?.resolve(new Response('{}'));
    await sent[1];
    expect(calls).toHaveLength(4);
    expect(calls[3]?.init.body).toContain('"message":"xxx"');
    calls[0]?.resolve(new Response('{}'));
    calls[2]?.resolve(new Response('{}'));
    await Promise.all([sent[0], sent[2]]);
    expect(calls).toHaveLength(5);
    calls[3]?.resolve(new Response('{}'));
    calls[4]?.resolve(new Response('{}', { status: 200 }));
    expect(await Promise.all(sent)).toHaveLength(5);
  });

  it('passes the configured headers and fetch options', () => {
    const { calls, fetchImpl } = pendingFetch();
    const transport = makeFetchTransport(
      { ...options, headers: { 'X-Tenant': 'a' }, fetchOptions: { credentials: 'include' } },
      fetchImpl,
    );
    void transport.send(eventEnvelope());
    expect(calls[0]?.init).toMatchObject({
      headers: { 'X-Tenant': 'a' },
      credentials: 'include',
      method: 'POST',
    });
  });

  it('survives a fetch that throws synchronously', async () => {
    const transport = makeFetchTransport(options, () => {
      throw new TypeError('blocked');
    });
    await expect(transport.send(eventEnvelope())).rejects.toThrow('blocked');
  });
});
