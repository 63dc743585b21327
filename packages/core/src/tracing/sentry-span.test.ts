import { describe, expect, it } from 'vitest';
import { NonRecordingSpan } from './non-recording-span';
import { SentrySpan } from './sentry-span';
import { getRootSpan, spanIsSampled } from './span-segment';
import { getSpanStatusFromHttpCode, setHttpStatus } from './span-status';
import { spanToJSON } from './span-to-json';
import { spanToTraceHeader } from './sentry-trace-header';

describe('SentrySpan', () => {
  it('serialises to the span JSON of protocol.md §6.2', () => {
    const span = new SentrySpan({
      name: 'SELECT 1',
      op: 'db.query',
      startTime: 1_700_000_000,
      parentSpanId: 'a'.repeat(16),
    });
    span
      .setAttribute('db.system', 'postgresql')
      .setAttributes({ rows: 3, tags: ['a', 'b'] })
      .setStatus('ok');
    span.end(1_700_000_000.5);
    const { trace_id, span_id, ...rest } = spanToJSON(span);
    expect(trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(span_id).toMatch(/^[0-9a-f]{16}$/);
    expect(rest).toEqual({
      parent_span_id: 'a'.repeat(16),
      start_timestamp: 1_700_000_000,
      timestamp: 1_700_000_000.5,
      op: 'db.query',
      description: 'SELECT 1',
      status: 'ok',
      origin: 'manual',
      data: {
        'sentry.origin': 'manual',
        'sentry.op': 'db.query',
        'db.system': 'postgresql',
        rows: 3,
        tags: ['a', 'b'],
      },
    });
  });

  it('stores only primitives and arrays of one primitive type; undefined removes', () => {
    const span = new SentrySpan({ name: 'x' });
    const list = ['a'];
    span.setAttributes({
      keep: 'v',
      gone: 1,
      mixed: ['a', 1] as never,
      obj: {} as never,
      nan: Number.NaN,
      list,
      holes: [1, null, 3],
    });
    span.setAttribute('gone', undefined);
    list.push('mutated later');
    expect(spanToJSON(span).data).toEqual({
      'sentry.origin': 'manual',
      keep: 'v',
      list: ['a'],
      holes: [1, null, 3],
    });
  });

  it('ends once: later end() calls do not move the end timestamp; never ends before it started', () => {
    const span = new SentrySpan({ name: 'x', startTime: 100 });
    expect(span.isRecording()).toBe(true);
    span.end(50);
    span.end(200);
    expect(span.isRecording()).toBe(false);
    expect(spanToJSON(span).timestamp).toBe(100);
  });

  it('uses a monotonic clock anchored to wall time for default timestamps', () => {
    const before = Date.now() / 1000;
    const span = new SentrySpan({ name: 'x' });
    span.end();
    const { start_timestamp, timestamp } = spanToJSON(span);
    expect(Math.abs(start_timestamp - before)).toBeLessThan(5);
    expect(timestamp).toBeGreaterThanOrEqual(start_timestamp);
  });

  it('accepts each status of protocol.md §6.3', () => {
    const statuses = [
      'ok',
      'cancelled',
      'unknown',
      'invalid_argument',
      'deadline_exceeded',
      'not_found',
      'already_exists',
      'permission_denied',
      'resource_exhausted',
      'failed_precondition',
      'aborted',
      'out_of_range',
      'unimplemented',
      'internal_error',
      'unavailable',
      'data_loss',
      'unauthenticated',
    ] as const;
    for (const status of statuses) {
      const span = new SentrySpan({ name: 'x' });
      span.setStatus(status);
      expect(spanToJSON(span).status).toBe(status);
    }
  });

  it('ignores unknown statuses and maps unknown_error to unknown', () => {
    const span = new SentrySpan({ name: 'x' });
    span.setStatus('nope' as never);
    expect(spanToJSON(span).status).toBeUndefined();
    span.setStatus('unknown_error' as never);
    expect(spanToJSON(span).status).toBe('unknown');
  });

  it('has a spanContext with traceFlags 1, is its own root and gives a sampled sentry-trace header', () => {
    const span = new SentrySpan({ name: 'x' });
    const { traceId, spanId, traceFlags } = span.spanContext();
    expect(traceFlags).toBe(1);
    expect(getRootSpan(span)).toBe(span);
    expect(spanIsSampled(span)).toBe(true);
    expect(spanToTraceHeader(span)).toBe(`${traceId}-${spanId}-1`);
  });
});

describe('NonRecordingSpan', () => {
  it('keeps ids, accepts every call and stores nothing', () => {
    const span = new NonRecordingSpan();
    const ownValuesBefore = Object.values(span);
    span.setAttribute('a', 'x'.repeat(10_000)).setAttributes({ b: 1 }).setStatus('ok').updateName('renamed');
    span.end();
    expect(Object.values(span)).toEqual(ownValuesBefore);
    expect(span.isRecording()).toBe(false);
    expect(span.spanContext().traceFlags).toBe(0);
    expect(spanToJSON(span)).toEqual({
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
      start_timestamp: 0,
      data: {},
    });
  });
});

describe('span status from HTTP codes (protocol.md §6.3)', () => {
  it.each([
    [200, 'ok'],
    [101, 'ok'],
    [302, 'ok'],
    [400, 'invalid_argument'],
    [401, 'unauthenticated'],
    [403, 'permission_denied'],
    [404, 'not_found'],
    [409, 'already_exists'],
    [413, 'failed_precondition'],
    [418, 'invalid_argument'],
    [429, 'resource_exhausted'],
    [499, 'cancelled'],
    [500, 'internal_error'],
    [501, 'unimplemented'],
    [502, 'internal_error'],
    [503, 'unavailable'],
    [504, 'deadline_exceeded'],
    [700, 'unknown'],
  ])('%i → %s', (code, status) => {
    expect(getSpanStatusFromHttpCode(code)).toBe(status);
  });

  it('setHttpStatus sets the status and the response code attribute', () => {
    const span = new SentrySpan({ name: 'GET /' });
    setHttpStatus(span, 404);
    expect(spanToJSON(span)).toMatchObject({
      status: 'not_found',
      data: { 'http.response.status_code': 404 },
    });
  });
});
