import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '@sentry-sdk/core/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInItem, errorEvent, hexId, logItem, transactionEvent } from '../test-envelopes.test-helper';
import { loadNodeSqlite } from './node-sqlite-database';
import { openStore, type Store, type StoreOptions } from './open-store';

const dirs: string[] = [];
const stores: Store[] = [];
const newDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sidecar-store-'));
  dirs.push(dir);
  return dir;
};
const open = async (options: StoreOptions): Promise<Store> => {
  const store = await openStore(options);
  stores.push(store);
  return store;
};

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const eventEnvelope = (event: Record<string, unknown>): Envelope => [
  { event_id: event['event_id'] as string },
  [[{ type: 'event' }, event]],
];

const engines = ['sql.js', ...((await loadNodeSqlite()) ? ['node:sqlite' as const] : [])] as const;

describe.each(engines)('the store on %s', (engine) => {
  it('keeps every item across a restart on the same data directory', async () => {
    const dataDir = newDir();
    const first = await open({ dataDir, engine });
    const event = errorEvent();
    const traceId = hexId();
    first.write({ envelope: eventEnvelope(event), receivedAt: 1000, projectId: '1', publicKey: 'abc' });
    first.write({
      envelope: [
        {},
        [[{ type: 'transaction' }, transactionEvent(traceId)], logItem([['info', 'shipped']], traceId)],
      ],
      receivedAt: 1001,
    });
    first.write({
      envelope: [
        {},
        [[{ type: 'attachment', filename: 'note.txt', length: 3 }, new Uint8Array([104, 105, 10])]],
      ],
      receivedAt: 1002,
    });
    first.close();

    const second = await open({ dataDir, engine, retentionDays: 1e9 });
    expect(second.getSummary()).toMatchObject({
      items: { event: 1, transaction: 1, log: 1, attachment: 1 },
      issues: 1,
      traces: 1,
      logs: 1,
    });
    const stored = second.getEvent(event['event_id'] as string);
    expect(stored?.item.payload).toEqual(event);
    expect(stored?.item.public_key).toBe('abc');
    expect(second.getTrace(traceId)?.spans.map((span) => span.op)).toEqual(['http.server', 'http.client']);
    expect(second.listLogs()[0]?.body).toBe('shipped');
  });

  it('deletes items older than the retention days, on write and when opened', async () => {
    const dataDir = newDir();
    let now = 10 * 86_400;
    const store = await open({ dataDir, engine, retentionDays: 7, now: () => now });
    store.write({ envelope: eventEnvelope(errorEvent({ type: 'OldError' })), receivedAt: now - 8 * 86_400 });
    store.write({ envelope: eventEnvelope(errorEvent({ type: 'NewError' })), receivedAt: now - 1 * 86_400 });
    expect(store.listIssues().map((issue) => issue.title)).toEqual(['NewError: x is undefined']);

    now += 7 * 86_400;
    store.close();
    const reopened = await open({ dataDir, engine, retentionDays: 7, now: () => now });
    expect(reopened.listIssues()).toEqual([]);
    expect(reopened.getSummary()).toMatchObject({ items: {}, envelopes: 0 });
  });

  it('counts what retention deleted', async () => {
    let now = 1000 * 86_400;
    const store = await open({ dataDir: newDir(), engine, retentionDays: 1, now: () => now });
    store.write({ envelope: [{}, [checkInItem('a', 'ok'), checkInItem('b', 'ok')]], receivedAt: now });
    now += 2 * 86_400;
    expect(store.applyRetention()).toBe(2);
    expect(store.applyRetention()).toBe(0);
  });

  it('keeps at most max-items items, the newest, with their logs', async () => {
    const store = await open({ dataDir: newDir(), engine, maxItems: 2 });
    for (let index = 0; index < 4; index++)
      store.write({ envelope: [{}, [logItem([['info', `log ${index}`]])]], receivedAt: 1000 + index });
    expect(store.getSummary()).toMatchObject({ items: { log: 2 }, logs: 2, envelopes: 2 });
    expect(store.listLogs().map((log) => log.body)).toEqual(['log 3', 'log 2']);
  });
});

describe('the store on sql.js', () => {
  it('writes the file shortly after a change, so a crash loses at most that interval', async () => {
    const dataDir = newDir();
    const running = await open({ dataDir, engine: 'sql.js', persistIntervalMs: 20 });
    const event = errorEvent();
    running.write({ envelope: eventEnvelope(event), receivedAt: Date.now() / 1000 });
    await new Promise((done) => setTimeout(done, 100));

    // a second store reads the file while the first is still open, as after a crash
    const reader = await open({ dataDir, engine: 'sql.js' });
    expect(reader.getEvent(event['event_id'] as string)?.item.payload).toEqual(event);
  });
});

describe('store queries', () => {
  it('counts the events of an issue and remembers first and last seen', async () => {
    const store = await open({ dataDir: newDir(), engine: 'sql.js', retentionDays: 1e9 });
    for (const receivedAt of [100, 200, 300])
      store.write({ envelope: eventEnvelope(errorEvent({ value: `cart ${receivedAt}` })), receivedAt });
    store.write({ envelope: eventEnvelope(errorEvent({ type: 'RangeError' })), receivedAt: 250 });
    const issues = store.listIssues();
    expect(issues.map((issue) => [issue.title, issue.count, issue.first_seen, issue.last_seen])).toEqual([
      ['TypeError: cart 300', 3, 100, 300],
      ['RangeError: x is undefined', 1, 250, 250],
    ]);
    expect(store.getIssue(issues[0]!.id)?.events).toHaveLength(3);
  });

  it('joins the transactions and errors of a trace into one waterfall, parents before children', async () => {
    const store = await open({ dataDir: newDir(), engine: 'sql.js', retentionDays: 1e9 });
    const traceId = hexId();
    const browser = transactionEvent(traceId, { name: '/shop', platform: 'javascript', start: 1000 });
    const browserRoot = (browser['contexts'] as { trace: { span_id: string } }).trace.span_id;
    const server = transactionEvent(traceId, {
      name: 'GET /checkout',
      parentSpanId: browserRoot,
      start: 1000.1,
    });
    store.write({ envelope: [{}, [[{ type: 'transaction' }, server]]], receivedAt: 1 });
    store.write({ envelope: [{}, [[{ type: 'transaction' }, browser]]], receivedAt: 2 });
    store.write({ envelope: eventEnvelope(errorEvent({ traceId })), receivedAt: 3 });

    const trace = store.getTrace(traceId)!;
    expect(trace.spans.map((span) => [span.depth, span.op, span.description])).toEqual([
      [0, 'http.server', '/shop'],
      [1, 'http.client', 'GET http://127.0.0.1:4000/inventory'],
      [1, 'http.server', 'GET /checkout'],
      [2, 'http.client', 'GET http://127.0.0.1:4000/inventory'],
    ]);
    expect(trace.errors.map((error) => error.title)).toEqual(['TypeError: x is undefined']);
    expect(store.listTraces()).toMatchObject([
      { trace_id: traceId, name: '/shop', transactions: 2, errors: 1 },
    ]);
  });

  it('filters logs by level and by text, matching % and _ literally', async () => {
    const store = await open({ dataDir: newDir(), engine: 'sql.js' });
    store.write({
      envelope: [
        {},
        [
          logItem([
            ['info', 'order 7 shipped'],
            ['error', 'payment failed: 100% declined'],
            ['warn', 'stock_low for SKU 9'],
          ]),
        ],
      ],
      receivedAt: Date.now() / 1000,
    });
    expect(store.listLogs({ level: 'error' }).map((log) => log.body)).toEqual([
      'payment failed: 100% declined',
    ]);
    expect(store.listLogs({ q: 'SHIPPED' }).map((log) => log.body)).toEqual(['order 7 shipped']);
    expect(store.listLogs({ q: '100%' })).toHaveLength(1);
    expect(store.listLogs({ q: 'k_l' })).toHaveLength(1);
    expect(store.listLogs({ q: '_' }).map((log) => log.body)).toEqual(['stock_low for SKU 9']);
  });

  it('puts check-ins on one timeline per monitor, one entry per run, whatever order they arrived in', async () => {
    const store = await open({ dataDir: newDir(), engine: 'sql.js' });
    const first = hexId();
    const second = hexId();
    const now = Date.now() / 1000;
    store.write({ envelope: [{}, [checkInItem('nightly-report', 'in_progress', first)]], receivedAt: now });
    store.write({ envelope: [{}, [checkInItem('nightly-report', 'ok', first)]], receivedAt: now + 1 });
    // the final check-in of the second run overtakes its in_progress one
    store.write({ envelope: [{}, [checkInItem('nightly-report', 'error', second)]], receivedAt: now + 2 });
    store.write({
      envelope: [{}, [checkInItem('nightly-report', 'in_progress', second)]],
      receivedAt: now + 2,
    });
    store.write({ envelope: [{}, [checkInItem('cleanup', 'ok')]], receivedAt: now + 3 });
    const monitors = store.listCheckIns();
    expect(
      monitors.map((monitor) => [
        monitor.monitor_slug,
        monitor.last_status,
        monitor.checkins.map((run) => [run.status, run.updates]),
      ]),
    ).toEqual([
      ['cleanup', 'ok', [['ok', 1]]],
      [
        'nightly-report',
        'error',
        [
          ['ok', 2],
          ['error', 2],
        ],
      ],
    ]);
    expect(monitors[1]?.checkins[0]).toMatchObject({
      check_in_id: first,
      duration: 1.5,
      received_at: now,
      schedule: { type: 'crontab', value: '*/5 * * * *' },
    });
  });

  it('joins a final check-in with the all-zero id to the latest run in progress', async () => {
    const store = await open({ dataDir: newDir(), engine: 'sql.js' });
    store.write({
      envelope: [{}, [checkInItem('backup', 'in_progress', hexId())]],
      receivedAt: Date.now() / 1000,
    });
    store.write({
      envelope: [{}, [checkInItem('backup', 'ok', '0'.repeat(32))]],
      receivedAt: Date.now() / 1000,
    });
    expect(store.listCheckIns()[0]?.checkins.map((run) => [run.status, run.updates])).toEqual([['ok', 2]]);
  });
});
