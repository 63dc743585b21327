import { assertValidEvent, getEventSchemaErrors } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { Event } from '../types';
import { normalizeEvent } from './normalize-event';

const TRACE = {
  trace_id: '0123456789abcdef0123456789abcdef',
  span_id: '0123456789abcdef',
  op: 'http.server',
};

function strict(event: unknown, depth = 3, maxBreadth = 1000, maxValueLength = 100_000): Event {
  const result = normalizeEvent(event as Event, depth, maxBreadth, maxValueLength);
  assertValidEvent(result);
  return result;
}

describe('normalizeEvent: the strict forms of Relay’s schema', () => {
  it('fixes every loose form the schema rejects (protocol.md §16, gotcha 7)', () => {
    const loose = {
      event_id: '0123456789abcdef0123456789abcdef',
      message: 'legacy message',
      level: 'log',
      tags: { count: 3, enabled: true, big: 10n, gone: undefined, empty: null },
      user: { id: 42, email: 'a@example.com', plan: 'pro', geo: { city: 'Vienna', planet: 'Earth' } },
      exception: [{ type: 'TypeError', value: 'bad' }],
      breadcrumbs: [{ message: 'clicked', level: 'log', category: 'ui.click' }],
      request: { url: 'https://example.com/a', cookies: 'session=abc; theme=dark%20mode' },
    };
    expect(getEventSchemaErrors(loose)).toBeDefined();
    const result = strict(loose);
    expect(result).toMatchObject({
      level: 'info',
      logentry: { message: 'legacy message' },
      tags: { count: '3', enabled: 'true', big: '10' },
      user: { id: '42', email: 'a@example.com', geo: { city: 'Vienna' }, data: { plan: 'pro' } },
      exception: { values: [{ type: 'TypeError', value: 'bad' }] },
      breadcrumbs: { values: [{ message: 'clicked', level: 'info', category: 'ui.click' }] },
      request: { url: 'https://example.com/a', cookies: { session: 'abc', theme: 'dark mode' } },
    });
    expect(result).not.toHaveProperty('message');
    expect(Object.keys(result.tags ?? {})).toEqual(['count', 'enabled', 'big']);
  });

  it('keeps an existing logentry message over the legacy top-level one', () => {
    expect(strict({ message: 'old', logentry: { message: 'new', params: [1] } }).logentry).toEqual({
      message: 'new',
      params: [1],
    });
  });

  it('cuts tag keys and values to 200 characters', () => {
    const result = strict({ tags: { ['k'.repeat(300)]: 'v'.repeat(300) } });
    const [[key, value]] = Object.entries(result.tags ?? {}) as [[string, string]];
    expect(key).toHaveLength(200);
    expect(value).toHaveLength(200);
    expect(value.endsWith('...')).toBe(true);
  });

  it('merges unknown user keys into an existing user.data', () => {
    expect(strict({ user: { id: 'u1', data: { a: 1 }, role: 'admin' } }).user).toEqual({
      id: 'u1',
      data: { a: 1, role: 'admin' },
    });
  });

  it('drops fields the schema does not know, internal ones included', () => {
    const result = strict({
      sdkProcessingMetadata: { request: {} },
      _meta: {},
      release: '1.0.0',
      debugInfo: 1,
    });
    expect(result).toEqual({ release: '1.0.0' });
  });

  it('removes empty optional containers', () => {
    const result = strict({
      tags: {},
      extra: {},
      user: {},
      contexts: {},
      breadcrumbs: { values: [] },
      exception: { values: [] },
      fingerprint: [],
      request: {},
      environment: 'production',
    });
    expect(result).toEqual({ environment: 'production' });
  });

  it('keeps transaction fields (spans, start_timestamp, measurements) and normalizes span data to depth', () => {
    const span = {
      span_id: '1123456789abcdef',
      trace_id: TRACE.trace_id,
      start_timestamp: 1,
      timestamp: 2,
      data: { deep: { deeper: { deepest: { x: 1 } } } },
    };
    const result = strict(
      {
        type: 'transaction',
        transaction: 'GET /',
        start_timestamp: 1,
        timestamp: 2,
        spans: [span],
        contexts: { trace: TRACE },
        measurements: { lcp: { value: 1.5, unit: 'millisecond' } },
      },
      2,
    );
    // `data` itself is the first of the two levels, as `extra` is
    expect(result.spans?.[0]).toEqual({ ...span, data: { deep: { deeper: '[Object]' } } });
    expect(result.measurements).toEqual({ lcp: { value: 1.5, unit: 'millisecond' } });
  });
});

describe('normalizeEvent: depth, breadth and length limits', () => {
  it('normalizes user, contexts, extra, request.data and breadcrumb data to depth, leaving the trace context intact', () => {
    const deep = { a: { b: { c: { d: 1 } } } };
    const trace = { ...TRACE, data: { level1: { level2: { level3: { level4: true } } } } };
    const result = strict(
      {
        extra: { deep },
        contexts: { app: { deep }, trace },
        user: { id: '1', data: { deep } },
        request: { data: deep },
        breadcrumbs: { values: [{ message: 'm', data: { deep } }] },
      },
      2,
    );
    expect(result.extra).toEqual({ deep: { a: '[Object]' } });
    // `contexts` is walked as a whole: contexts → app → deep is the third level
    expect(result.contexts?.['app']).toEqual({ deep: '[Object]' });
    expect(result.contexts?.['trace']).toEqual(trace);
    expect(result.user).toEqual({ id: '1', data: { deep: '[Object]' } });
    expect(result.request?.data).toEqual({ a: { b: '[Object]' } });
    expect(result.breadcrumbs?.values?.[0]?.data).toEqual({ deep: { a: '[Object]' } });
  });

  it('caps the breadth of data bags', () => {
    const result = strict({ extra: { a: 1, b: 2, c: 3 } }, 3, 2);
    expect(result.extra).toEqual({ a: 1, b: 2, '[MaxProperties ~]': '[MaxProperties ~]' });
  });

  it('cuts exception values, messages, request.url and breadcrumb messages at maxValueLength', () => {
    const long = 'x'.repeat(50);
    const result = strict(
      {
        exception: { values: [{ type: 'Error', value: long }] },
        logentry: { message: long },
        request: { url: `https://example.com/${long}` },
        breadcrumbs: { values: [{ message: long }] },
      },
      3,
      1000,
      20,
    );
    expect(result.exception?.values?.[0]?.value).toBe(`${'x'.repeat(17)}...`);
    expect(result.logentry?.message).toHaveLength(20);
    expect(result.request?.url).toHaveLength(20);
    expect(result.breadcrumbs?.values?.[0]?.message).toHaveLength(20);
  });

  it('makes hostile data JSON-safe and never throws', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const throwing = Object.defineProperty({}, 'bad', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const result = strict({
      extra: { cycle, big: 1n, fn: () => 1, proxy, throwing },
      tags: { sym: Symbol('t') },
      contexts: { broken: proxy, fine: { ok: true } },
      fingerprint: ['{{ default }}', 7],
    });
    expect(result.extra).toEqual({
      cycle: { self: '[Circular ~]' },
      big: '[BigInt: 1]',
      fn: '[Function: fn]',
      proxy: '[Proxy: revoked]',
      throwing: { bad: '[Thrown: getter]' },
    });
    expect(result.tags).toEqual({ sym: 'Symbol(t)' });
    expect(result.contexts).toEqual({ fine: { ok: true } });
    expect(result.fingerprint).toEqual(['{{ default }}', '7']);
    expect(() => normalizeEvent(proxy as Event, 3, 1000, 100)).not.toThrow();
  });

  it('does not change the event it was given', () => {
    const event: Event = { level: 'log', tags: { a: '1' }, extra: { nested: { n: 1 } } };
    const snapshot = structuredClone(event);
    strict(event, 1);
    expect(event).toEqual(snapshot);
  });
});
