import { Writable } from 'node:stream';
import { close, flush, getCurrentScope, setAsyncContextStrategy, startSpan, type Integration } from '@sentry-sdk/core';
import type { SerializedLog } from '@sentry-sdk/core/internal';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import pino from 'pino';
import winston from 'winston';
import Transport from 'winston-transport';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { init } from '../sdk';
import { pinoIntegration } from './pino-integration';
import { createSentryWinstonTransport } from './winston-transport';

let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await close(1000);
  getCurrentScope().setClient(undefined);
  setAsyncContextStrategy(undefined);
  await ingest.close();
});

function start(integrations: Integration[], enableLogs = true): void {
  init({ dsn: ingest.dsn, release: 'shop@3.1.0', enableLogs, defaultIntegrations: false, integrations });
}

async function sentLogs(): Promise<SerializedLog[]> {
  // winston hands records to its transports on a later tick
  await new Promise((resolve) => setImmediate(resolve));
  expect(await flush(5000)).toBe(true);
  return ingest.received
    .flatMap(({ envelope }) => envelope[1])
    .filter(([headers]) => headers.type === 'log')
    .flatMap(([, payload]) => (payload as { items: SerializedLog[] }).items);
}

const valueOf = (log: SerializedLog | undefined, key: string) => log?.attributes[key]?.value;

/** A pino destination that keeps the lines pino writes. */
function lines(): { stream: Writable; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      written.push(chunk.toString());
      callback();
    },
  });
  return { stream, written };
}

describe('pinoIntegration', () => {
  it('forwards pino records with their level, message and fields, and pino writes what it would', async () => {
    start([pinoIntegration()]);
    const { stream, written } = lines();
    const log = pino({ level: 'trace', redact: ['card.number'] }, stream);
    log.info({ orderId: 981, card: { number: '4111', brand: 'visa' } }, 'order shipped');
    const billing = log.child({ module: 'billing' });
    billing.error(new Error('card declined'));
    log.trace('t');
    log.debug('d');
    log.warn('w');
    log.fatal('f');

    const logs = await sentLogs();
    expect(logs.map((entry) => [entry.level, entry.severity_number, entry.body])).toEqual([
      ['info', 9, 'order shipped'],
      ['error', 17, 'card declined'],
      ['trace', 1, 't'],
      ['debug', 5, 'd'],
      ['warn', 13, 'w'],
      ['fatal', 21, 'f'],
    ]);
    const [shipped, declined] = logs;
    expect(shipped!.attributes).toMatchObject({
      orderId: { type: 'integer', value: 981 },
      card: { type: 'string', value: '{"number":"[Redacted]","brand":"visa"}' },
      pid: { type: 'integer', value: process.pid },
      'sentry.origin': { type: 'string', value: 'auto.log.pino' },
      'sentry.release': { type: 'string', value: 'shop@3.1.0' },
    });
    expect(shipped!.attributes).not.toHaveProperty('msg');
    expect(shipped!.attributes).not.toHaveProperty('time');
    expect(valueOf(declined, 'module')).toBe('billing');
    expect(JSON.parse(String(valueOf(declined, 'err')))).toMatchObject({ type: 'Error', message: 'card declined' });
    expect(written).toHaveLength(6);
    expect(JSON.parse(written[0]!)).toMatchObject({ level: 30, msg: 'order shipped', orderId: 981 });
  });

  it('links records to the active span and honours the levels option and a custom messageKey', async () => {
    start([pinoIntegration({ levels: ['warn', 'error'] })]);
    const log = pino({ messageKey: 'message' }, lines().stream);
    let ids = { traceId: '', spanId: '' };
    startSpan({ name: 'checkout' }, (span) => {
      ids = span.spanContext();
      log.warn('inside the span');
    });
    log.info('below the levels');
    log.error({ code: 'E42' }, 'outside');

    const logs = await sentLogs();
    expect(logs.map((entry) => entry.body)).toEqual(['inside the span', 'outside']);
    expect(logs[0]!.trace_id).toBe(ids.traceId);
    expect(valueOf(logs[0], 'sentry.trace.parent_span_id')).toBe(ids.spanId);
    expect(logs[1]!.attributes).not.toHaveProperty('sentry.trace.parent_span_id');
    expect(valueOf(logs[1], 'code')).toBe('E42');
  });

  it('forwards nothing without enableLogs', async () => {
    start([pinoIntegration()], false);
    const { stream, written } = lines();
    pino(stream).info('not forwarded');
    expect(await sentLogs()).toEqual([]);
    expect(written).toHaveLength(1);
  });
});

describe('createSentryWinstonTransport', () => {
  it('forwards winston records with their level, message and metadata', async () => {
    start([]);
    const SentryTransport = createSentryWinstonTransport(Transport);
    const logger = winston.createLogger({
      level: 'silly',
      defaultMeta: { service: 'shop' },
      transports: [new SentryTransport()],
    });
    logger.info('order shipped', { orderId: 981, express: true });
    logger.warn('%s items left of %d', 'three', 10);
    logger.child({ requestId: 'r-1' }).error('refund failed');
    logger.http('GET /health');
    logger.verbose('v');
    logger.silly('s');

    const logs = await sentLogs();
    expect(logs.map((entry) => [entry.level, entry.body])).toEqual([
      ['info', 'order shipped'],
      ['warn', 'three items left of 10'],
      ['error', 'refund failed'],
      ['info', 'GET /health'],
      ['debug', 'v'],
      ['trace', 's'],
    ]);
    expect(logs[0]!.attributes).toMatchObject({
      orderId: { type: 'integer', value: 981 },
      express: { type: 'boolean', value: true },
      service: { type: 'string', value: 'shop' },
      'sentry.origin': { type: 'string', value: 'auto.log.winston' },
    });
    expect(logs[0]!.attributes).not.toHaveProperty('level');
    expect(logs[1]!.attributes).toMatchObject({
      'sentry.message.template': { type: 'string', value: '%s items left of %d' },
      'sentry.message.parameter.0': { type: 'string', value: 'three' },
      'sentry.message.parameter.1': { type: 'integer', value: 10 },
    });
    expect(valueOf(logs[2], 'requestId')).toBe('r-1');
  });

  it('maps syslog levels through colorized output, links to the span and honours the levels option', async () => {
    start([]);
    const SentryTransport = createSentryWinstonTransport(Transport, { levels: ['fatal', 'warn'] });
    const logger = winston.createLogger({
      levels: winston.config.syslog.levels,
      level: 'debug',
      format: winston.format.colorize(),
      transports: [new SentryTransport()],
    });
    let ids = { traceId: '', spanId: '' };
    startSpan({ name: 'nightly import' }, (span) => {
      ids = span.spanContext();
      logger.crit('disk full');
    });
    logger.warning('slow');
    logger.notice('not forwarded');

    const logs = await sentLogs();
    expect(logs.map((entry) => [entry.level, entry.body])).toEqual([
      ['fatal', 'disk full'],
      ['warn', 'slow'],
    ]);
    expect(logs[0]!.trace_id).toBe(ids.traceId);
    expect(valueOf(logs[0], 'sentry.trace.parent_span_id')).toBe(ids.spanId);
  });
});
