import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Client, initAndBind } from '../client';
import type { Envelope } from '../envelope';
import { getCurrentScope, getGlobalScope, getIsolationScope, withScope } from '../scope';
import { startSpan } from '../tracing';
import { createTransport } from '../transport';
import type { ClientOptions, TransportOptions, TransportRequestExecutor } from '../types';
import { _getBufferedLogs } from './log-buffer';
import { logger } from './logger';
import type { SerializedLog } from './types';

// The runtime side of a transport, as @sentry-sdk/node or browser supplies it: Node's global fetch.
function fetchTransport(options: TransportOptions) {
  const makeRequest: TransportRequestExecutor = async ({ body }) => {
    const response = await fetch(options.url, { method: 'POST', body });
    return { statusCode: response.status };
  };
  return createTransport(options, makeRequest);
}

let server: IngestServer;
beforeEach(async () => {
  server = await startIngestServer();
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()]) scope.clear().setClient(undefined);
});
afterEach(async () => {
  vi.useRealTimers();
  await server.close();
});

function init(extra: Partial<ClientOptions> = {}): Client {
  return initAndBind(Client, {
    dsn: server.dsn,
    integrations: [],
    stackParser: () => [],
    transport: fetchTransport,
    sdk: { name: 'acme.javascript.test', version: '1.2.3' },
    platform: 'node',
    release: 'shop@2.0.0',
    enableLogs: true,
    ...extra,
  });
}

const logItems = (envelope: Envelope) => envelope[1].filter(([headers]) => headers.type === 'log');
const logBatches = () =>
  server.received.flatMap(({ envelope }) => logItems(envelope)).map(([, payload]) => (payload as { items: SerializedLog[] }).items);
const sentLogs = () => logBatches().flat();
const clientReports = () =>
  server.received
    .flatMap(({ envelope }) => envelope[1])
    .filter(([headers]) => headers.type === 'client_report')
    .flatMap(([, payload]) => (payload as { discarded_events: unknown[] }).discarded_events);

describe('log batching against a real ingest server', () => {
  it('sends one log item per 100 logs, the rest on flush', async () => {
    const client = init();
    for (let i = 0; i < 250; i++) logger.info(`log ${i}`);
    expect(await client.flush(5000)).toBe(true);

    const envelopes = server.received.filter(({ envelope }) => logItems(envelope).length > 0);
    expect(envelopes).toHaveLength(3);
    for (const { envelope } of envelopes) {
      expect(envelope[0]).toMatchObject({ sdk: { name: 'acme.javascript.test', version: '1.2.3' } });
      expect(envelope[0].trace).toBeUndefined();
      expect(envelope[1]).toHaveLength(1);
    }
    const headers = envelopes.map(({ envelope }) => logItems(envelope)[0]![0]);
    expect(headers.map((h) => h.item_count)).toEqual([100, 100, 50]);
    expect(headers.every((h) => h.content_type === 'application/vnd.sentry.items.log+json')).toBe(true);
    expect(envelopes.map(({ envelope }) => (logItems(envelope)[0]![1] as { version: number }).version)).toEqual([2, 2, 2]);
    expect(sentLogs().map((log) => log.body)).toEqual(Array.from({ length: 250 }, (_, i) => `log ${i}`));
  });

  it('sends the buffer 5 s after its first log; later logs do not push the timer back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = init();
    const sent: Envelope[] = [];
    client.on('beforeEnvelope', (envelope) => sent.push(envelope));
    logger.info('first');
    vi.advanceTimersByTime(3000);
    logger.warn('second');
    vi.advanceTimersByTime(1999);
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    logger.error('third, in a new batch');
    vi.advanceTimersByTime(4999);
    expect(sent).toHaveLength(1);
    vi.useRealTimers();

    await server.waitForEnvelopes(1);
    expect(logBatches().map((batch) => batch.map((log) => log.body))).toEqual([['first', 'second']]);
    expect(await client.flush(5000)).toBe(true);
    expect(logBatches().map((batch) => batch.map((log) => log.body))).toEqual([['first', 'second'], ['third, in a new batch']]);
  });

  it('sends what is buffered when the client closes, and nothing after', async () => {
    const client = init();
    logger.info('before close');
    expect(await client.close(5000)).toBe(true);
    logger.info('after close');
    expect(sentLogs().map((log) => log.body)).toEqual(['before close']);
    expect(_getBufferedLogs(client)).toEqual([]);
  });

  it('sends the buffer early once its estimated size reaches about 800 KB', async () => {
    const client = init();
    const sent: Envelope[] = [];
    client.on('beforeEnvelope', (envelope) => sent.push(envelope));
    const big = 'x'.repeat(100_000);
    for (let i = 0; i < 7; i++) logger.info(big);
    expect(sent).toHaveLength(0);
    logger.info(big);
    expect(sent).toHaveLength(1);
    expect(await client.flush(5000)).toBe(true);
    expect(logBatches().map((batch) => batch.length)).toEqual([8]);
  });

  it('keeps at most 1000 logs waiting and counts the rest as buffer_overflow', async () => {
    server.respondWith({ kind: 'hang' });
    const client = init();
    for (let i = 0; i < 1030; i++) logger.info('while the server hangs');
    await server.waitForEnvelopes(10);
    server.respondWith({ kind: 'status', status: 200 });
    await client.flush(200);
    await server.waitForEnvelopes(11);
    expect(sentLogs()).toHaveLength(1000);
    const overflow = clientReports().filter((entry) => (entry as { reason: string }).reason === 'buffer_overflow');
    expect(overflow).toEqual([
      { reason: 'buffer_overflow', category: 'log_item', quantity: 30 },
      { reason: 'buffer_overflow', category: 'log_byte', quantity: expect.any(Number) },
    ]);
    expect((overflow[1] as { quantity: number }).quantity).toBeGreaterThan(30 * 'while the server hangs'.length);
  });
});

describe('log content on the wire', () => {
  it('types attributes as the protocol requires', async () => {
    const client = init();
    const cyclic: Record<string, unknown> = { name: 'cycle' };
    cyclic['self'] = cyclic;
    logger.info('typed', {
      text: 'plain',
      count: 42,
      ratio: 0.25,
      flag: false,
      huge: 2 ** 60,
      notANumber: NaN,
      big: 2n ** 70n,
      object: { nested: { deep: [1, 2] } },
      list: ['a', 1],
      cyclic,
      nothing: null,
      missing: undefined,
      broken: 'ok\uD800',
    });
    expect(await client.flush(5000)).toBe(true);
    const body = server.received.map(({ body }) => body.toString('utf8')).join('\n');
    expect(body).not.toMatch(/\\ud800/i);
    const [log] = sentLogs();
    expect(log!.attributes).toMatchObject({
      text: { type: 'string', value: 'plain' },
      count: { type: 'integer', value: 42 },
      ratio: { type: 'double', value: 0.25 },
      flag: { type: 'boolean', value: false },
      huge: { type: 'double', value: 2 ** 60 },
      notANumber: { type: 'string', value: 'NaN' },
      big: { type: 'string', value: '1180591620717411303424n' },
      object: { type: 'string', value: '{"nested":{"deep":[1,2]}}' },
      list: { type: 'string', value: '["a",1]' },
      nothing: { type: 'string', value: 'null' },
      broken: { type: 'string', value: 'ok\uFFFD' },
    });
    expect(log!.attributes['cyclic']).toEqual({ type: 'string', value: expect.stringContaining('"name":"cycle"') });
    expect(log!.attributes).not.toHaveProperty('missing');
  });

  it('adds the default attributes, the user only with sendDefaultPii', async () => {
    const client = init({ environment: 'staging', serverName: 'web-7', sendDefaultPii: true });
    getIsolationScope().setUser({ id: 17, email: 'ana@example.org', username: 'ana' });
    logger.warn('with defaults', { 'sentry.release': 'overridden@1' });
    expect(await client.flush(5000)).toBe(true);
    const [log] = sentLogs();
    expect(log).toMatchObject({
      level: 'warn',
      severity_number: 13,
      body: 'with defaults',
      trace_id: getCurrentScope().getPropagationContext().traceId,
    });
    expect(Math.abs(log!.timestamp - Date.now() / 1000)).toBeLessThan(60);
    expect(log!.attributes).toEqual({
      'sentry.release': { type: 'string', value: 'overridden@1' },
      'sentry.environment': { type: 'string', value: 'staging' },
      'sentry.sdk.name': { type: 'string', value: 'acme.javascript.test' },
      'sentry.sdk.version': { type: 'string', value: '1.2.3' },
      'server.address': { type: 'string', value: 'web-7' },
      'user.id': { type: 'integer', value: 17 },
      'user.email': { type: 'string', value: 'ana@example.org' },
      'user.name': { type: 'string', value: 'ana' },
      'sentry.timestamp.sequence': { type: 'integer', value: expect.any(Number) },
    });

    const other = init({ sendDefaultPii: false });
    logger.info('without pii');
    expect(await other.flush(5000)).toBe(true);
    const last = sentLogs().at(-1)!;
    expect(Object.keys(last.attributes).filter((key) => key.startsWith('user.'))).toEqual([]);
    expect(last.attributes['sentry.environment']).toEqual({ type: 'string', value: 'production' });
  });

  it('gives each level its severity number; warning is warn', async () => {
    const client = init();
    logger.trace('t');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.warning('w2');
    logger.error('e');
    logger.fatal('f');
    expect(await client.flush(5000)).toBe(true);
    expect(sentLogs().map((log) => [log.level, log.severity_number])).toEqual([
      ['trace', 1],
      ['debug', 5],
      ['info', 9],
      ['warn', 13],
      ['warn', 13],
      ['error', 17],
      ['fatal', 21],
    ]);
  });

  it('records a logger.fmt template and its parameters, only when there are parameters', async () => {
    const client = init();
    const order = 981;
    logger.info(logger.fmt`Order ${order} shipped to ${'Berlin'} at ${{ hour: 9 }}`);
    logger.info(logger.fmt`No parameters`);
    expect(await client.flush(5000)).toBe(true);
    const [withParameters, without] = sentLogs();
    expect(withParameters!.body).toBe('Order 981 shipped to Berlin at {"hour":9}');
    expect(withParameters!.attributes).toMatchObject({
      'sentry.message.template': { type: 'string', value: 'Order %s shipped to %s at %s' },
      'sentry.message.parameter.0': { type: 'integer', value: 981 },
      'sentry.message.parameter.1': { type: 'string', value: 'Berlin' },
      'sentry.message.parameter.2': { type: 'string', value: '{"hour":9}' },
    });
    expect(without!.body).toBe('No parameters');
    expect(Object.keys(without!.attributes).filter((key) => key.startsWith('sentry.message.'))).toEqual([]);
  });

  it('links logs inside startSpan to the span, and others to the propagation context', async () => {
    const client = init({ tracesSampleRate: 1 });
    let ids = { traceId: '', spanId: '' };
    let outsideTrace = '';
    startSpan({ name: 'checkout' }, (span) => {
      ids = span.spanContext();
      logger.info('inside the span');
    });
    withScope((scope) => {
      logger.info('outside any span');
      outsideTrace = scope.getPropagationContext().traceId;
    });
    expect(await client.flush(5000)).toBe(true);
    const [inside, outside] = sentLogs();
    expect(inside!.trace_id).toBe(ids.traceId);
    expect(inside!.attributes['sentry.trace.parent_span_id']).toEqual({ type: 'string', value: ids.spanId });
    expect(outside!.trace_id).toBe(outsideTrace);
    expect(outside!.attributes).not.toHaveProperty('sentry.trace.parent_span_id');
    const transaction = server.received.flatMap(({ envelope }) => envelope[1]).find(([h]) => h.type === 'transaction');
    expect((transaction?.[1] as { contexts: { trace: { trace_id: string } } }).contexts.trace.trace_id).toBe(ids.traceId);
  });

  it('lets beforeSendLog change logs and drop them, counting drops in a client report', async () => {
    const client = init({
      beforeSendLog: (log) => {
        if (log.message.includes('secret')) return null;
        return { ...log, level: 'error', message: `[edited] ${log.message}`, attributes: { ...log.attributes, edited: true } };
      },
    });
    logger.info('a secret');
    logger.info('public');
    logger.info('another secret');
    expect(await client.flush(5000)).toBe(true);
    expect(sentLogs().map((log) => [log.body, log.level, log.severity_number, log.attributes['edited']])).toEqual([
      ['[edited] public', 'error', 17, { type: 'boolean', value: true }],
    ]);
    expect(clientReports()).toEqual([{ reason: 'before_send', category: 'log_item', quantity: 2 }]);
  });
});

describe('logs when disabled', () => {
  it('does nothing without enableLogs: no buffer, no hook, no attribute read, nothing sent', async () => {
    const client = init({ enableLogs: false });
    const on = vi.spyOn(client, 'on');
    let reads = 0;
    const attributes = new Proxy({ a: 1 }, { get: () => ++reads, ownKeys: () => (++reads, []) });
    for (let i = 0; i < 200; i++) logger.info('dropped', attributes);
    logger.info(logger.fmt`also ${'dropped'}`);
    expect(reads).toBe(0);
    expect(on).not.toHaveBeenCalled();
    expect(_getBufferedLogs(client)).toBeUndefined();
    expect(await client.flush(5000)).toBe(true);
    expect(server.received).toHaveLength(0);
  });

  it('does nothing without a client', () => {
    expect(() => logger.error('nobody listens', { a: 1 })).not.toThrow();
  });
});
