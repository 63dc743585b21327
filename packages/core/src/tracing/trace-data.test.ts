import { beforeEach, describe, expect, it } from 'vitest';
import { getCurrentScope } from '../scope';
import { startNewTrace, suppressTracing } from './active-span';
import { baggageHeaderToDynamicSamplingContext } from './baggage';
import { continueTrace } from './continue-trace';
import { setTransactionName } from './current-span-helpers';
import { parseSentryTraceHeader } from './sentry-trace-header';
import { startSpan } from './start-span';
import { setUpTestClient, type TestClient } from './test-client.test-helper';
import { getBaggage, getTraceContextFromScope, getTraceData, getTraceMetaTags, getTraceparent } from './trace-data';

const TRACE = '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9';
const SPAN = 'a1b2c3d4e5f60718';

let client: TestClient;
beforeEach(() => {
  client = setUpTestClient({ tracesSampleRate: 1 });
});

describe('getTraceData', () => {
  it('inside a span: its ids and decision, and the trace DSC as baggage', () => {
    startSpan({ name: 'GET /checkout' }, (span) => {
      const data = getTraceData();
      const { traceId, spanId } = span.spanContext();
      expect(data['sentry-trace']).toBe(`${traceId}-${spanId}-1`);
      expect(baggageHeaderToDynamicSamplingContext(data.baggage)).toEqual({
        trace_id: traceId,
        public_key: 'ab12cd34ef56ab12cd34ef56ab12cd34',
        environment: 'test',
        release: 'shop@1.0.0',
        org_id: '4711',
        sample_rand: getCurrentScope().getPropagationContext().sampleRand.toFixed(6),
        sample_rate: '1',
        sampled: 'true',
        transaction: 'GET /checkout',
      });
      expect(data.traceparent).toBeUndefined();
      expect(getTraceparent()).toBe(data['sentry-trace']);
      expect(getBaggage()).toBe(data.baggage);
    });
  });

  it('freezes the DSC once it has left: a later rename changes the transaction, not the baggage', () => {
    startSpan({ name: 'GET /users/123' }, () => {
      const first = getBaggage();
      setTransactionName('GET /users/:id', 'route');
      expect(getBaggage()).toBe(first);
    });
    expect(client.transactions()[0]!.transaction).toBe('GET /users/:id');
    expect(client.events[0]!.hint!.data!['dsc']).toMatchObject({ transaction: 'GET /users/123' });
  });

  it('before it leaves, the DSC follows renames and leaves out url-sourced names', () => {
    startSpan({ name: '/users/123', attributes: { 'sentry.source': 'url' } }, () => {
      expect(baggageHeaderToDynamicSamplingContext(getBaggage())).not.toHaveProperty('transaction');
      return undefined;
    });
    startSpan({ name: '/users/123', attributes: { 'sentry.source': 'url' } }, () => {
      setTransactionName('GET /users/:id', 'route');
    });
    expect(client.events[1]!.hint!.data!['dsc']).toMatchObject({ transaction: 'GET /users/:id' });
  });

  it('adds traceparent with propagateTraceparent', () => {
    setUpTestClient({ tracesSampleRate: 1, propagateTraceparent: true });
    startSpan({ name: 'x' }, (span) => {
      const { traceId, spanId } = span.spanContext();
      expect(getTraceData().traceparent).toBe(`00-${traceId}-${spanId}-01`);
    });
  });

  it('without a span: the propagation context, with a stable span id that errors carry too', () => {
    const first = parseSentryTraceHeader(getTraceparent());
    const second = parseSentryTraceHeader(getTraceparent());
    const context = getTraceContextFromScope(getCurrentScope());
    expect(first).toEqual(second);
    expect(context).toEqual({ trace_id: first!.traceId, span_id: first!.parentSpanId });
    expect(first!.parentSampled).toBeUndefined();
  });

  it('tracing without performance: a new trace propagates a deferred decision and a DSC without rate or name', () => {
    setUpTestClient({});
    startNewTrace(() => {
      startSpan({ name: 'GET /x' }, () => {
        const data = getTraceData();
        expect(data['sentry-trace']).toMatch(/^[0-9a-f]{32}-[0-9a-f]{16}$/);
        const dsc = baggageHeaderToDynamicSamplingContext(data.baggage)!;
        expect(Object.keys(dsc).sort()).toEqual([
          'environment',
          'org_id',
          'public_key',
          'release',
          'sample_rand',
          'trace_id',
        ]);
      });
    });
  });

  it('tracing without performance: a continued trace is propagated unchanged', () => {
    setUpTestClient({});
    const baggage = `sentry-trace_id=${TRACE},sentry-sampled=true,sentry-sample_rand=0.5,sentry-sample_rate=1`;
    continueTrace({ sentryTrace: `${TRACE}-${SPAN}-1`, baggage }, () => {
      const outside = getTraceData();
      expect(outside['sentry-trace']).toMatch(new RegExp(`^${TRACE}-[0-9a-f]{16}-1$`));
      expect(outside.baggage).toBe(baggage);
      expect(getTraceContextFromScope(getCurrentScope())).toMatchObject({
        trace_id: TRACE,
        parent_span_id: SPAN,
      });
      startSpan({ name: 'work' }, () => expect(getTraceData().baggage).toBe(baggage));
    });
  });

  it('is empty inside suppressTracing and without a client', () => {
    suppressTracing(() => {
      expect(getTraceData()).toEqual({});
      startSpan({ name: 'x' }, (span) => expect(span.isRecording()).toBe(false));
    });
    expect(client.events).toHaveLength(0);
    getCurrentScope().setClient(undefined);
    expect(getTraceData()).toEqual({});
  });
});

describe('getTraceContextFromScope', () => {
  it('gives the active span ids and parent', () => {
    continueTrace({ sentryTrace: `${TRACE}-${SPAN}-1` }, () => {
      startSpan({ name: 'root' }, (span) => {
        expect(getTraceContextFromScope(getCurrentScope())).toEqual({
          trace_id: TRACE,
          span_id: span.spanContext().spanId,
          parent_span_id: SPAN,
        });
      });
    });
  });
});

describe('getTraceMetaTags', () => {
  it('renders the meta tags a page load continues: the same values outgoing headers carry', () => {
    startSpan({ name: 'GET /shop', op: 'http.server' }, () => {
      const data = getTraceData();
      expect(getTraceMetaTags()).toBe(
        `<meta name="sentry-trace" content="${data['sentry-trace']}"/>\n<meta name="baggage" content="${data.baggage}"/>`,
      );
    });
  });

  it('is empty inside suppressTracing, where nothing propagates', () => {
    expect(suppressTracing(() => getTraceMetaTags())).toBe('');
  });
});
