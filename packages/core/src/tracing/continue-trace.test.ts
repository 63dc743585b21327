import { assertValidEvent } from '@sentry-sdk/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { getCurrentScope } from '../scope';
import { getActiveSpan } from './active-span';
import { continueTrace } from './continue-trace';
import { getDynamicSamplingContextFromScope } from './dynamic-sampling-context';
import { getDynamicSamplingContextFromSpan } from './span-dsc';
import { startSpan } from './start-span';
import { setUpTestClient, type TestClient } from './test-client.test-helper';

const TRACE = '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9';
const SPAN = 'a1b2c3d4e5f60718';
const BAGGAGE = `vendor=x,sentry-trace_id=${TRACE},sentry-public_key=upstream,sentry-org_id=4711,sentry-release=up%401.0,sentry-environment=staging,sentry-sample_rate=0.25,sentry-sample_rand=0.073191,sentry-sampled=true`;

let client: TestClient;
beforeEach(() => {
  client = setUpTestClient({ tracesSampleRate: 1 });
});

describe('continueTrace', () => {
  it('sets the propagation context from the headers and starts no span; root spans inside join the trace', () => {
    continueTrace({ sentryTrace: `${TRACE}-${SPAN}-1`, baggage: BAGGAGE }, () => {
      expect(getActiveSpan()).toBeUndefined();
      const context = getCurrentScope().getPropagationContext();
      expect(context).toMatchObject({
        traceId: TRACE,
        parentSpanId: SPAN,
        sampled: true,
        sampleRand: 0.073191,
      });
      startSpan({ name: 'GET /users', op: 'http.server' }, () => undefined);
    });
    const [event] = client.transactions();
    assertValidEvent(event);
    expect(event!.contexts!['trace']).toMatchObject({
      trace_id: TRACE,
      parent_span_id: SPAN,
      op: 'http.server',
    });
    // the incoming DSC is frozen as-is (its release and environment), with the locally applied rate
    expect(client.events[0]!.hint!.data!['dsc']).toEqual({
      trace_id: TRACE,
      public_key: 'upstream',
      org_id: '4711',
      release: 'up@1.0',
      environment: 'staging',
      sample_rate: '0.25',
      sample_rand: '0.073191',
      sampled: 'true',
    });
  });

  it('does not leak the continued trace out of the callback', () => {
    const before = getCurrentScope().getPropagationContext().traceId;
    continueTrace({ sentryTrace: `${TRACE}-${SPAN}-1` }, () => undefined);
    expect(getCurrentScope().getPropagationContext().traceId).toBe(before);
  });

  it('starts a child trace root even when a span is active outside', () => {
    startSpan({ name: 'outer' }, () => {
      continueTrace({ sentryTrace: `${TRACE}-${SPAN}-1` }, () => {
        startSpan({ name: 'inner' }, (inner) => expect(inner.spanContext().traceId).toBe(TRACE));
      });
    });
    expect(client.transactions().map((e) => e.transaction)).toEqual(['inner', 'outer']);
  });

  it.each([
    [
      'a Node headers object with any key case and string[] values',
      { 'Sentry-Trace': [`${TRACE}-${SPAN}-1`], BAGGAGE: ['sentry-sample_rand=0.5', 'sentry-release=r'] },
    ],
    [
      'a WSGI environ map',
      { HTTP_SENTRY_TRACE: `${TRACE}-${SPAN}-1`, HTTP_BAGGAGE: 'sentry-sample_rand=0.5,sentry-release=r' },
    ],
    [
      'a fetch Headers',
      new Headers({
        'sentry-trace': `${TRACE}-${SPAN}-1`,
        baggage: 'sentry-sample_rand=0.5,sentry-release=r',
      }),
    ],
    [
      'SENTRY_TRACE/SENTRY_BAGGAGE variables',
      { SENTRY_TRACE: `${TRACE}-${SPAN}-1`, SENTRY_BAGGAGE: 'sentry-sample_rand=0.5,sentry-release=r' },
    ],
  ])('reads %s', (_, input) => {
    continueTrace(input, () => {
      expect(getCurrentScope().getPropagationContext()).toMatchObject({
        traceId: TRACE,
        parentSpanId: SPAN,
        sampled: true,
        sampleRand: 0.5,
        dsc: { release: 'r' },
      });
    });
  });

  it('starts a new trace for a header without a trace id, and for garbage or hostile input', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    for (const input of [
      { sentryTrace: '-1', baggage: BAGGAGE },
      { sentryTrace: 'garbage' },
      hostile,
      null,
    ]) {
      continueTrace(input as never, () => {
        const context = getCurrentScope().getPropagationContext();
        expect(context.traceId).not.toBe(TRACE);
        expect(context.sampled).toBeUndefined();
        expect(context.dsc).toBeUndefined();
      });
    }
  });

  it('freezes an empty DSC for an upstream that sends sentry-trace without sentry baggage', () => {
    continueTrace({ sentryTrace: `${TRACE}-${SPAN}-1`, baggage: 'vendor=x' }, () => {
      expect(getDynamicSamplingContextFromScope(client, getCurrentScope())).toEqual({});
      startSpan({ name: 'x' }, (span) => expect(getDynamicSamplingContextFromSpan(span)).toEqual({}));
    });
  });

  it('draws sample_rand within the incoming decision and rate when none was sent (§7.4)', () => {
    for (let i = 0; i < 50; i++) {
      continueTrace({ sentryTrace: `${TRACE}-${SPAN}-1`, baggage: 'sentry-sample_rate=0.1' }, () => {
        expect(getCurrentScope().getPropagationContext().sampleRand).toBeLessThan(0.1);
      });
      continueTrace({ sentryTrace: `${TRACE}-${SPAN}-0`, baggage: 'sentry-sample_rate=0.1' }, () => {
        const { sampleRand, dsc } = getCurrentScope().getPropagationContext();
        expect(sampleRand).toBeGreaterThanOrEqual(0.1);
        expect(sampleRand).toBeLessThan(1);
        expect(dsc!['sample_rand']).toBe(sampleRand.toFixed(6));
      });
    }
  });
});

describe('org check (protocol.md §7.5)', () => {
  const continued = (baggage: string): boolean =>
    continueTrace(
      { sentryTrace: `${TRACE}-${SPAN}-1`, baggage },
      () => getCurrentScope().getPropagationContext().traceId === TRACE,
    );

  it('continues when the org ids match or only one is known; a different org starts a new trace', () => {
    expect(continued('sentry-org_id=4711')).toBe(true); // the DSN host is o4711
    expect(continued('sentry-org_id=99')).toBe(false);
    expect(continued('sentry-release=r')).toBe(true);
    setUpTestClient({ tracesSampleRate: 1 }, { ...client.getDsn()!, orgId: undefined } as never);
    expect(continued('sentry-org_id=99')).toBe(true);
  });

  it('the orgId option overrides the DSN; strictTraceContinuation needs both sides known', () => {
    setUpTestClient({ tracesSampleRate: 1, orgId: 99 });
    expect(continued('sentry-org_id=99')).toBe(true);
    expect(continued('sentry-org_id=4711')).toBe(false);
    setUpTestClient({ tracesSampleRate: 1, strictTraceContinuation: true });
    expect(continued('sentry-release=r')).toBe(false);
    expect(continued('sentry-org_id=4711')).toBe(true);
  });
});
