import { describe, expect, it } from 'vitest';
import { withTraceHeaders } from './trace-headers';

const TRACE = {
  'sentry-trace': '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9-a1b2c3d4e5f60718-1',
  baggage: 'sentry-trace_id=9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9,sentry-sampled=true',
};

describe('withTraceHeaders', () => {
  it('adds sentry-trace and baggage, keeping the headers the page set (object, array or Headers)', () => {
    for (const headers of [
      { 'X-Tenant': 'acme' },
      [['X-Tenant', 'acme']],
      new Headers({ 'X-Tenant': 'acme' }),
    ]) {
      const init = withTraceHeaders('/api', { method: 'POST', headers }, TRACE);
      const sent = new Headers(init?.headers);
      expect(init?.method).toBe('POST');
      expect(sent.get('x-tenant')).toBe('acme');
      expect(sent.get('sentry-trace')).toBe(TRACE['sentry-trace']);
      expect(sent.get('baggage')).toBe(TRACE.baggage);
    }
  });

  it("keeps other vendors' baggage members and replaces sentry-* ones", () => {
    const init = withTraceHeaders('/api', { headers: { baggage: 'vendor=x,sentry-trace_id=old' } }, TRACE);
    expect(new Headers(init?.headers).get('baggage')).toBe(`vendor=x,${TRACE.baggage}`);
  });

  it('reads the headers of a Request input when there is no init', () => {
    const init = withTraceHeaders(
      new Request('http://127.0.0.1/api', { headers: { 'X-Tenant': 'acme' } }),
      undefined,
      TRACE,
    );
    const sent = new Headers(init?.headers);
    expect(sent.get('x-tenant')).toBe('acme');
    expect(sent.get('sentry-trace')).toBe(TRACE['sentry-trace']);
  });

  it('leaves a request that carries its own sentry-trace as it is', () => {
    const init = withTraceHeaders('/api', { headers: { 'sentry-trace': 'mine' } }, TRACE);
    expect(new Headers(init?.headers).get('sentry-trace')).toBe('mine');
    expect(new Headers(init?.headers).get('baggage')).toBeNull();
  });

  it('gives up quietly on headers it cannot read', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    expect(withTraceHeaders('/api', { headers: hostile }, TRACE)).toBeUndefined();
  });
});
