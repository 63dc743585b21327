import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAttachmentItem,
  createEnvelope,
  createEventEnvelope,
  createLogItem,
  parseEnvelope,
  serializeEnvelope,
  type Envelope,
} from '../envelope';
import { parseDsn } from '../lib';
import type { DsnComponents, Event, Transport, TransportRequestExecutor } from '../types';
import { createClientReportRecorder, startClientReports, type ClientReportRecorder } from './client-reports';
import { createTransport } from './create-transport';
import { getEnvelopeEndpointWithUrlEncodedAuth } from './get-envelope-endpoint';

const SDK = { name: 'acme.javascript.node', version: '0.1.0' };

/** Posts with Node's fetch, as a runtime transport would. */
function fetchExecutor(url: string): TransportRequestExecutor {
  return (request) =>
    fetch(url, { method: 'POST', body: request.body }).then(async (response) => {
      await response.arrayBuffer();
      return {
        statusCode: response.status,
        headers: {
          'x-sentry-rate-limits': response.headers.get('x-sentry-rate-limits'),
          'retry-after': response.headers.get('retry-after'),
        },
      };
    });
}

let counter = 0;
function errorEvent(extra: Partial<Event> = {}): Event {
  const event: Event = {
    event_id: (++counter).toString(16).padStart(32, '0'),
    timestamp: 1777890030.5,
    platform: 'node',
    level: 'error',
    exception: { values: [{ type: 'Error', value: 'boom' }] },
    ...extra,
  };
  assertValidEvent(event);
  return event;
}

function transactionEvent(spanCount: number): Event {
  const spans = Array.from({ length: spanCount }, (_, i) => ({
    span_id: (i + 1).toString(16).padStart(16, '0'),
    trace_id: 'c'.repeat(32),
    start_timestamp: 1777890030,
    timestamp: 1777890031,
  }));
  const transaction: Event = {
    event_id: (++counter).toString(16).padStart(32, '0'),
    type: 'transaction',
    platform: 'node',
    transaction: 'GET /orders',
    start_timestamp: 1777890030,
    timestamp: 1777890031,
    spans,
    contexts: { trace: { trace_id: 'c'.repeat(32), span_id: 'd'.repeat(16) } },
  };
  assertValidEvent(transaction);
  return transaction;
}

const counts = (recorder: ClientReportRecorder): Record<string, number> =>
  Object.fromEntries(recorder.drain().map((entry) => [`${entry.reason}:${entry.category}`, entry.quantity]));

describe('createTransport against a real ingest server', () => {
  let server: IngestServer;
  let recorder: ClientReportRecorder;
  let transport: Transport;
  let dsn: DsnComponents;
  let url: string;

  beforeEach(async () => {
    server = await startIngestServer();
    dsn = (parseDsn(server.dsn) as { dsn: DsnComponents }).dsn;
    url = getEnvelopeEndpointWithUrlEncodedAuth(dsn, undefined, SDK);
    recorder = createClientReportRecorder();
    transport = createTransport({ url, recordDroppedEvent: recorder.record }, fetchExecutor(url));
  });

  afterEach(async () => {
    vi.useRealTimers();
    await server.close();
  });

  it('delivers the envelope so that it parses back to what was built, binary and UTF-8 included', async () => {
    const binary = new Uint8Array([0, 10, 13, 255, 0x7b, 10]);
    const envelope = createEventEnvelope(errorEvent({ logentry: { formatted: 'Grüße ✓' } }), {
      sdk: SDK,
      attachments: [
        { filename: 'dump.bin', data: binary },
        { filename: 'notes.txt', data: 'zwölf\nÄpfel ✓', contentType: 'text/plain' },
      ],
    });
    const response = await transport.send(envelope);
    expect(response).toMatchObject({ statusCode: 200 });

    const [received] = server.received;
    expect(received!.url).toBe(`/api/4711/envelope/?sentry_version=7&sentry_key=${dsn.publicKey}&sentry_client=acme.javascript.node%2F0.1.0`);
    const [headers, items] = received!.envelope;
    expect(headers).toEqual({ event_id: envelope[0].event_id, sent_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), sdk: SDK });
    expect(items[0]).toEqual(envelope[1][0]);
    assertValidEvent(items[0]![1]);
    expect(items[1]![0]).toEqual({ type: 'attachment', length: 6, filename: 'dump.bin' });
    expect(new Uint8Array(items[1]![1] as Uint8Array)).toEqual(binary);
    expect(items[2]![0]).toEqual({ type: 'attachment', length: 17, filename: 'notes.txt', content_type: 'text/plain' });
    expect(Buffer.from(items[2]![1] as Uint8Array).toString('utf8')).toBe('zwölf\nÄpfel ✓');
    // what arrived is exactly what the serializer writes for the envelope with its sent_at
    expect(new Uint8Array(received!.body)).toEqual(serializeEnvelope([{ ...headers }, envelope[1]]));
    expect(counts(recorder)).toEqual({});
  });

  it('puts the protocol.md §2.1 example on the wire byte for byte', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T10:20:30.125Z'));
    const event: Event = {
      event_id: '5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60',
      timestamp: 1777890030.12,
      platform: 'node',
      level: 'error',
      exception: { values: [{ type: 'Error', value: 'boom' }] },
    };
    assertValidEvent(event);
    await transport.send(
      createEventEnvelope(event, { sdk: SDK, attachments: [{ filename: 'note.txt', data: 'hello', contentType: 'text/plain' }] }),
    );
    expect(server.received[0]!.body.toString('utf8')).toBe(
      [
        '{"event_id":"5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60","sent_at":"2026-05-04T10:20:30.125Z","sdk":{"name":"acme.javascript.node","version":"0.1.0"}}',
        '{"type":"event"}',
        '{"event_id":"5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60","timestamp":1777890030.12,"platform":"node","level":"error","exception":{"values":[{"type":"Error","value":"boom"}]}}',
        '{"type":"attachment","length":5,"filename":"note.txt","content_type":"text/plain"}',
        'hello',
      ].join('\n'),
    );
  });

  it('writes sent_at once, at send time, without changing the envelope it was given', async () => {
    const envelope = createEventEnvelope(errorEvent(), { sdk: SDK });
    envelope[0].sent_at = '2000-01-01T00:00:00.000Z';
    await transport.send(envelope);
    const body = server.received[0]!.body.toString('utf8');
    expect(body.match(/sent_at/g)).toHaveLength(1);
    expect(server.received[0]!.envelope[0].sent_at).not.toBe('2000-01-01T00:00:00.000Z');
    expect(envelope[0].sent_at).toBe('2000-01-01T00:00:00.000Z');
  });

  it('writes sent_at first when the envelope has no event_id, keeping the other headers in order', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T10:20:30.125Z'));
    await transport.send(createEnvelope({ sdk: SDK, trace: { trace_id: 'c'.repeat(32) } }, [[{ type: 'session' }, { sid: 's1' }]]));
    expect(server.received[0]!.body.toString('utf8').split('\n')[0]).toBe(
      `{"sent_at":"2026-05-04T10:20:30.125Z","sdk":{"name":"acme.javascript.node","version":"0.1.0"},"trace":{"trace_id":"${'c'.repeat(32)}"}}`,
    );
  });

  it.each([
    ['Retry-After in seconds', { 'retry-after': '30' }],
    ['Retry-After as an HTTP date', { 'retry-after': new Date(Date.now() + 120_000).toUTCString() }],
    ['no header at all', {}],
  ])('after a 429 with %s, drops everything before sending and counts ratelimit_backoff', async (_name, headers) => {
    server.respondWith({ kind: 'status', status: 429, headers });
    expect(await transport.send(createEventEnvelope(errorEvent()))).toMatchObject({ statusCode: 429 });
    // Relay already counted the rejected envelope: no outcome for it
    expect(counts(recorder)).toEqual({});
    server.respondWith({ kind: 'status', status: 200 });
    await transport.send(createEventEnvelope(errorEvent()));
    await transport.send(createEventEnvelope(transactionEvent(3)));
    expect(server.received).toHaveLength(1);
    expect(counts(recorder)).toEqual({ 'ratelimit_backoff:error': 1, 'ratelimit_backoff:transaction': 1, 'ratelimit_backoff:span': 4 });
  });

  it('after a 429 with X-Sentry-Rate-Limits, drops only the limited categories, and sends again once it ends', async () => {
    server.respondWith({ kind: 'status', status: 429, headers: { 'x-sentry-rate-limits': '0.3:transaction:key' } });
    await transport.send(createEventEnvelope(transactionEvent(1)));
    server.respondWith({ kind: 'status', status: 200 });
    await transport.send(createEventEnvelope(transactionEvent(1)));
    await transport.send(createEventEnvelope(errorEvent()));
    expect(server.received.map((r) => r.envelope[1][0]![0].type)).toEqual(['transaction', 'event']);
    expect(counts(recorder)).toEqual({ 'ratelimit_backoff:transaction': 1, 'ratelimit_backoff:span': 2 });

    await new Promise((resolve) => setTimeout(resolve, 350));
    await transport.send(createEventEnvelope(transactionEvent(1)));
    expect(server.received).toHaveLength(3);
  });

  it('honours X-Sentry-Rate-Limits on a 200 and keeps the other items of a mixed envelope', async () => {
    server.respondWith({ kind: 'status', status: 200, headers: { 'x-sentry-rate-limits': '60:attachment;log_item:key, 60:monitor_seat::r' } });
    await transport.send(createEventEnvelope(errorEvent()));
    const withAttachment = createEventEnvelope(errorEvent(), { attachments: [{ filename: 'a.txt', data: 'abcdé' }] });
    await transport.send(withAttachment);
    await transport.send(createEnvelope({}, [createLogItem([{ body: 'a' }, { body: 'b' }])]));
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.envelope[1].map(([headers]) => headers.type)).toEqual(['event']);
    const dropped = counts(recorder);
    expect(dropped).toMatchObject({ 'ratelimit_backoff:attachment': 6, 'ratelimit_backoff:log_item': 2 });
    expect(dropped['ratelimit_backoff:log_byte']).toBeGreaterThan(0);
  });

  it.each([500, 503, 400])('counts send_error per item when the server answers %i, and keeps sending', async (status) => {
    server.respondWith({ kind: 'status', status });
    const response = await transport.send(createEventEnvelope(transactionEvent(2), { attachments: [{ filename: 'x', data: 'xyz' }] }));
    expect(response).toMatchObject({ statusCode: status });
    expect(counts(recorder)).toEqual({ 'send_error:transaction': 1, 'send_error:span': 3, 'send_error:attachment': 3 });
    server.respondWith({ kind: 'status', status: 200 });
    await transport.send(createEventEnvelope(errorEvent()));
    expect(server.received).toHaveLength(2);
  });

  it('counts a 413 as send_error and does not back off', async () => {
    server.respondWith({ kind: 'status', status: 413, body: 'envelope exceeded size limits' });
    await transport.send(createEventEnvelope(errorEvent()));
    expect(counts(recorder)).toEqual({ 'send_error:error': 1 });
    server.respondWith({ kind: 'status', status: 200 });
    await transport.send(createEventEnvelope(errorEvent()));
    expect(server.received).toHaveLength(2);
  });

  it('counts network_error when the connection is reset, and rejects so that wrappers can retry', async () => {
    server.respondWith({ kind: 'reset' });
    await expect(transport.send(createEventEnvelope(transactionEvent(0)))).rejects.toThrow();
    expect(counts(recorder)).toEqual({ 'network_error:transaction': 1, 'network_error:span': 1 });
  });

  it('records nothing for an envelope that only carries client reports', async () => {
    server.respondWith({ kind: 'status', status: 500 });
    const report = createEnvelope({}, [[{ type: 'client_report' }, { discarded_events: [] }]]);
    await transport.send(report);
    server.respondWith({ kind: 'reset' });
    await expect(transport.send(report)).rejects.toThrow();
    server.respondWith({ kind: 'status', status: 429 });
    await transport.send(report);
    await transport.send(report);
    // the reset request arrived before the connection was cut; the one after the 429 never left
    expect(server.received).toHaveLength(3);
    expect(counts(recorder)).toEqual({});
  });

  it('flush resolves false while a request hangs, and true once it settled', async () => {
    server.respondWith({ kind: 'hang' });
    const sent = transport.send(createEventEnvelope(errorEvent()));
    await server.waitForEnvelopes(1);
    expect(await transport.flush(200)).toBe(false);
    await server.close();
    await expect(sent).rejects.toThrow();
    expect(await transport.flush(200)).toBe(true);
    expect(counts(recorder)).toEqual({ 'network_error:error': 1 });
    server = await startIngestServer();
  });

  it('sends a client report that adds up what was dropped, on the client flush hook', async () => {
    const hooks = new Map<string, () => void>();
    const client = {
      on: (hook: 'flush' | 'close', callback: () => void) => void hooks.set(hook, callback),
      sendEnvelope: (envelope: Envelope) => transport.send(envelope),
      getDsn: () => dsn,
      getOptions: () => ({}),
    };
    const reports = startClientReports(client, recorder);

    server.respondWith({ kind: 'status', status: 503 });
    await transport.send(createEventEnvelope(errorEvent()));
    await transport.send(createEventEnvelope(errorEvent()));
    server.respondWith({ kind: 'status', status: 200, headers: { 'x-sentry-rate-limits': '60:transaction:key' } });
    await transport.send(createEventEnvelope(errorEvent()));
    await transport.send(createEventEnvelope(transactionEvent(4)));
    recorder.record('before_send', 'error');
    recorder.record('sample_rate', 'transaction', 2);

    hooks.get('flush')!();
    expect(await transport.flush(2_000)).toBe(true);
    reports.stop();

    const last = server.received.at(-1)!.envelope;
    expect(last[1]).toHaveLength(1);
    const [itemHeaders, payload] = last[1][0]!;
    expect(itemHeaders).toEqual({ type: 'client_report' });
    const report = payload as { timestamp: number; discarded_events: { reason: string; category: string; quantity: number }[] };
    expect(report.timestamp).toBeCloseTo(Date.now() / 1000, -1);
    expect(Object.fromEntries(report.discarded_events.map((e) => [`${e.reason}:${e.category}`, e.quantity]))).toEqual({
      'send_error:error': 2,
      'ratelimit_backoff:transaction': 1,
      'ratelimit_backoff:span': 5,
      'before_send:error': 1,
      'sample_rate:transaction': 2,
    });
  });

  it('keeps memory bounded in a flood while the server hangs, and the counts add up', async () => {
    const total = 100_000;
    const bufferSize = 100;
    let inFlight = 0;
    let maxInFlight = 0;
    const request = fetchExecutor(url);
    const flooded = createTransport({ url, recordDroppedEvent: recorder.record, bufferSize }, (req) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const settle = (): void => void inFlight--;
      const result = request(req);
      result.then(settle, settle);
      return result;
    });
    server.respondWith({ kind: 'hang' });
    const template = errorEvent();
    const ignore = (): void => undefined;

    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < total; i++) {
      flooded.send(createEventEnvelope({ ...template, event_id: i.toString(16).padStart(32, '0') }, { sdk: SDK })).then(ignore, ignore);
    }
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;

    await server.waitForEnvelopes(bufferSize);
    expect(maxInFlight).toBe(bufferSize);
    expect(heapGrowth).toBeLessThan(50 * 1024 * 1024);
    const dropped = counts(recorder);
    expect(dropped).toEqual({ 'queue_overflow:error': total - bufferSize });
    expect(server.received.length + dropped['queue_overflow:error']!).toBe(total);

    // the server goes away: what was in flight settles as network_error, and flush can finish
    await server.close();
    expect(await flooded.flush(5_000)).toBe(true);
    expect(inFlight).toBe(0);
    expect(counts(recorder)).toEqual({ 'network_error:error': bufferSize });
    server = await startIngestServer();
  });

  it('never throws when handed something that is not an envelope', async () => {
    await expect(transport.send(null as unknown as Envelope)).resolves.toEqual({});
    await expect(transport.send([{}, [createAttachmentItem({ filename: 'a', data: 'b' })]])).resolves.toMatchObject({ statusCode: 200 });
    expect(parseEnvelope(server.received[0]!.body)[1]).toHaveLength(1);
  });
});
