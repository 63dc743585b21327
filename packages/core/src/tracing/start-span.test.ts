import { assertValidEvent } from '@sentry-sdk/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCurrentScope, withScope } from '../scope';
import type { Event } from '../types';
import { getActiveSpan, withActiveSpan } from './active-span';
import { NonRecordingSpan } from './non-recording-span';
import { SentrySpan } from './sentry-span';
import { getRootSpan } from './span-segment';
import { spanToJSON } from './span-to-json';
import { startInactiveSpan, startSpan, startSpanManual } from './start-span';
import { startTransaction } from './start-transaction';
import { setUpTestClient, type TestClient } from './test-client.test-helper';

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

/** Validates a transaction against Relay's schema, then what the schema is too permissive to check. */
function checkTransaction(event: Event | undefined): Record<string, any> {
  assertValidEvent(event);
  const trace = event!.contexts!['trace'] as Record<string, any>;
  expect(event!.type).toBe('transaction');
  expect(trace['trace_id']).toMatch(HEX32);
  expect(trace['span_id']).toMatch(HEX16);
  for (const span of event!.spans ?? []) {
    expect(span['trace_id']).toBe(trace['trace_id']);
    expect(span['span_id']).toMatch(HEX16);
    expect(span['parent_span_id']).toMatch(HEX16);
    expect(span['timestamp']).toBeGreaterThanOrEqual(span['start_timestamp'] as number);
  }
  return trace;
}

let client: TestClient;
beforeEach(() => {
  client = setUpTestClient({ tracesSampleRate: 1 });
});

describe('startSpan', () => {
  it('sends one transaction with its finished children when the root ends', () => {
    const result = startSpan(
      { name: 'GET /users', op: 'http.server', attributes: { 'http.method': 'GET' } },
      (root) => {
        startSpan({ name: 'SELECT users', op: 'db.query' }, (child) => {
          child.setAttribute('db.system', 'postgresql');
          startSpan({ name: 'parse rows', op: 'function' }, () => undefined);
        });
        expect(getActiveSpan()).toBe(root);
        return 42;
      },
    );
    expect(result).toBe(42);
    expect(getActiveSpan()).toBeUndefined();

    const [event] = client.transactions();
    const trace = checkTransaction(event);
    expect(event).toMatchObject({ transaction: 'GET /users', transaction_info: { source: 'custom' } });
    expect(trace).toMatchObject({ op: 'http.server', origin: 'manual' });
    expect(trace['data']).toMatchObject({
      'http.method': 'GET',
      'sentry.sample_rate': 1,
      'sentry.source': 'custom',
    });
    expect(trace['parent_span_id']).toBeUndefined();
    const [db, parse] = event!.spans as Record<string, any>[];
    expect(db).toMatchObject({
      description: 'SELECT users',
      op: 'db.query',
      parent_span_id: trace['span_id'],
      data: { 'db.system': 'postgresql' },
    });
    expect(parse).toMatchObject({ description: 'parse rows', parent_span_id: db!['span_id'] });
    expect(event!.start_timestamp).toBeLessThanOrEqual(db!['start_timestamp']);
    expect(event!.timestamp).toBeGreaterThanOrEqual(db!['timestamp']);
    expect(client.events[0]!.hint?.data?.['dsc']).toMatchObject({
      trace_id: trace['trace_id'],
      sampled: 'true',
      transaction: 'GET /users',
    });
  });

  it('ends the span when the returned promise settles, and marks a rejection internal_error', async () => {
    let span: ReturnType<typeof getActiveSpan>;
    const pending = startSpan({ name: 'slow' }, async (s) => {
      span = s;
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(s.isRecording()).toBe(true);
      return 'done';
    });
    expect(span!.isRecording()).toBe(true);
    await expect(pending).resolves.toBe('done');
    expect(span!.isRecording()).toBe(false);

    await expect(
      startSpan({ name: 'fails' }, async () => {
        await Promise.resolve();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const failed = client.transactions().find((e) => e.transaction === 'fails');
    expect(checkTransaction(failed)['status']).toBe('internal_error');
  });

  it('marks a throw internal_error, ends the span and re-throws', () => {
    expect(() =>
      startSpan({ name: 'throws' }, () => {
        throw new TypeError('bad');
      }),
    ).toThrow(TypeError);
    expect(checkTransaction(client.transactions()[0])['status']).toBe('internal_error');
    expect(getActiveSpan()).toBeUndefined();
  });

  it('keeps the active span through a user withScope fork', () => {
    startSpan({ name: 'root' }, (root) => {
      withScope(() => {
        expect(getActiveSpan()).toBe(root);
        startSpan({ name: 'child' }, () => undefined);
      });
    });
    const [event] = client.transactions();
    expect(event!.spans).toHaveLength(1);
  });

  it('drops children that have not ended when the root ends', () => {
    let open: ReturnType<typeof startInactiveSpan> | undefined;
    startSpan({ name: 'root' }, () => {
      open = startInactiveSpan({ name: 'never ends in time' });
      startInactiveSpan({ name: 'ended' }).end();
    });
    open!.end();
    const [event] = client.transactions();
    expect(event!.spans!.map((s) => s['description'])).toEqual(['ended']);
    expect(client.transactions()).toHaveLength(1);
  });

  it('sends at most maxSpans children, the earliest-starting, and counts the rest as dropped spans', () => {
    client = setUpTestClient({ tracesSampleRate: 1, maxSpans: 3 });
    startSpan({ name: 'root', startTime: 1000 }, () => {
      for (const start of [1005, 1001, 1004, 1002, 1003])
        startInactiveSpan({ name: `s${start}`, startTime: start }).end(1010);
    });
    const [event] = client.transactions();
    checkTransaction(event);
    expect(event!.spans!.map((s) => s['description'])).toEqual(['s1001', 's1002', 's1003']);
    expect(client.droppedCount('buffer_overflow', 'span')).toBe(2);
  });

  it('applies the default cap of 1000 child spans', () => {
    startSpan({ name: 'big' }, () => {
      for (let i = 0; i < 1005; i++) startInactiveSpan({ name: `s${i}` }).end();
    });
    const [event] = client.transactions();
    expect(event!.spans).toHaveLength(1000);
    expect(client.droppedCount('buffer_overflow', 'span')).toBe(5);
  });

  it('reads start times given as seconds, milliseconds or Dates', () => {
    startSpan({ name: 'root', startTime: new Date(1_700_000_000_000) }, () => {
      startInactiveSpan({ name: 'ms', startTime: 1_700_000_000_500 }).end(1_700_000_001);
      startInactiveSpan({ name: 's', startTime: 1_700_000_000.25 }).end(new Date(1_700_000_002_000));
    });
    const [event] = client.transactions();
    expect(event!.start_timestamp).toBe(1_700_000_000);
    expect(event!.spans!.map((s) => [s['start_timestamp'], s['timestamp']])).toEqual([
      [1_700_000_000.25, 1_700_000_002],
      [1_700_000_000.5, 1_700_000_001],
    ]);
  });

  it('never throws for hostile options and still runs the callback', () => {
    const hostile = new Proxy({} as never, {
      get() {
        throw new Error('trap');
      },
    });
    expect(startSpan(hostile, () => 'ran')).toBe('ran');
    expect(startSpan({ name: 'x', attributes: hostile }, () => 'ran too')).toBe('ran too');
    expect(startSpan(null as never, () => 1)).toBe(1);
  });
});

describe('startSpanManual', () => {
  it('leaves ending to the callback, through span.end() or finish()', () => {
    let finish!: () => void;
    startSpanManual({ name: 'manual' }, (span, done) => {
      finish = done;
      expect(getActiveSpan()).toBe(span);
    });
    expect(client.transactions()).toHaveLength(0);
    finish();
    finish();
    expect(client.transactions()).toHaveLength(1);
    checkTransaction(client.transactions()[0]);
  });
});

describe('startInactiveSpan', () => {
  it('does not become active; children name it as parentSpan', () => {
    const root = startInactiveSpan({ name: 'inactive root', op: 'task' });
    expect(getActiveSpan()).toBeUndefined();
    const child = startInactiveSpan({ name: 'child', parentSpan: root });
    expect(getRootSpan(child)).toBe(root);
    child.end();
    root.end();
    const [event] = client.transactions();
    expect(event!.spans![0]!['parent_span_id']).toBe(spanToJSON(root).span_id);
  });

  it('parentSpan: null starts a root even when a span is active', () => {
    startSpan({ name: 'outer' }, (outer) => {
      const inner = startInactiveSpan({ name: 'separate', parentSpan: null });
      expect(getRootSpan(inner)).toBe(inner);
      expect(inner.spanContext().traceId).toBe(outer.spanContext().traceId);
      inner.end();
    });
    expect(client.transactions().map((e) => e.transaction)).toEqual(['separate', 'outer']);
  });

  it('forceTransaction makes a separate transaction that continues the parent trace', () => {
    startSpan({ name: 'outer' }, (outer) => {
      startSpan({ name: 'forced', forceTransaction: true }, (forced) => {
        expect(getRootSpan(forced)).toBe(forced);
      });
      expect(spanToJSON(outer).span_id).toMatch(HEX16);
    });
    const [forced, outer] = client.transactions();
    const forcedTrace = checkTransaction(forced);
    const outerTrace = checkTransaction(outer);
    expect(forcedTrace['trace_id']).toBe(outerTrace['trace_id']);
    expect(forcedTrace['parent_span_id']).toBe(outerTrace['span_id']);
    expect(outer!.spans).toHaveLength(0);
    expect(client.events[0]!.hint!.data!['dsc']).toEqual(client.events[1]!.hint!.data!['dsc']);
  });

  it('onlyIfParent gives a span that records nothing when there is no parent, and counts it', () => {
    const span = startInactiveSpan({ name: 'GET /x', op: 'http.client', onlyIfParent: true });
    expect(span).toBeInstanceOf(NonRecordingSpan);
    expect(span.spanContext().traceId).toBe(getCurrentScope().getPropagationContext().traceId);
    expect(client.droppedCount('no_parent_span', 'span')).toBe(1);
    startSpan({ name: 'root' }, () => {
      expect(startInactiveSpan({ name: 'child', onlyIfParent: true })).toBeInstanceOf(SentrySpan);
    });
  });

  it('runs in (a fork of) the scope option, without changing that scope', () => {
    const other = getCurrentScope().clone();
    other.setPropagationContext({ traceId: 'a'.repeat(32), sampleRand: 0.5, parentSpanId: 'b'.repeat(16) });
    startSpan({ name: 'in other scope', scope: other }, (span) => {
      expect(span.spanContext().traceId).toBe('a'.repeat(32));
    });
    expect(checkTransaction(client.transactions()[0])['parent_span_id']).toBe('b'.repeat(16));
  });
});

describe('withActiveSpan', () => {
  it('makes a span the parent of spans started inside, or none with null', () => {
    const root = startInactiveSpan({ name: 'root' });
    withActiveSpan(root, () => {
      expect(getActiveSpan()).toBe(root);
      startSpan({ name: 'child' }, () => undefined);
      withActiveSpan(null, () => {
        expect(getActiveSpan()).toBeUndefined();
        startSpan({ name: 'own root' }, () => undefined);
      });
    });
    root.end();
    expect(client.transactions().map((e) => [e.transaction, e.spans?.length])).toEqual([
      ['own root', 0],
      ['root', 1],
    ]);
  });
});

describe('startTransaction', () => {
  it('returns a root span that is sent when it ends, with the given source', () => {
    const tx = startTransaction({ name: 'nightly import', op: 'task', source: 'task' });
    expect(getActiveSpan()).toBeUndefined();
    withActiveSpan(tx, () => startSpan({ name: 'step', op: 'function' }, () => undefined));
    tx.end();
    const [event] = client.transactions();
    checkTransaction(event);
    expect(event).toMatchObject({ transaction: 'nightly import', transaction_info: { source: 'task' } });
    expect(event!.spans).toHaveLength(1);
  });

  it('is a span that records nothing when not sampled (or forced off)', () => {
    client = setUpTestClient({ tracesSampleRate: 0 });
    expect(startTransaction({ name: 'a' })).toBeInstanceOf(NonRecordingSpan);
    client = setUpTestClient({ tracesSampleRate: 1 });
    expect(startTransaction({ name: 'b', sampled: false })).toBeInstanceOf(NonRecordingSpan);
    client = setUpTestClient({ tracesSampleRate: 0 });
    const forced = startTransaction({ name: 'c', sampled: true });
    forced.end();
    expect(client.transactions()).toHaveLength(1);
  });
});

describe('span methods of the established SDKs', () => {
  it('accepts addLink, addLinks, addEvent and recordException on every span, and still sends the transaction', () => {
    const other = startInactiveSpan({ name: 'other trace' });
    startSpan({ name: 'batch' }, (span) => {
      span.addLink({ context: other.spanContext(), attributes: { 'sentry.link.type': 'previous_trace' } });
      span.addLinks([{ context: other.spanContext() }]);
      span.addEvent('cache miss', { key: 'cart' });
      span.recordException(new Error('recorded'));
    });
    const unsampled = new NonRecordingSpan();
    expect(unsampled.addLink({ context: other.spanContext() })).toBe(unsampled);
    unsampled.recordException(new Error('ignored'));
    other.end();

    const batch = client.transactions().find((event) => event.transaction === 'batch');
    checkTransaction(batch);
  });
});

