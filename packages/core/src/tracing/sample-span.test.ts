import { assertValidEvent } from '@sentry-sdk/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { debug } from '../lib';
import { getCurrentScope } from '../scope';
import { continueTrace } from './continue-trace';
import { getDynamicSamplingContextFromSpan } from './span-dsc';
import { NonRecordingSpan } from './non-recording-span';
import { SentrySpan } from './sentry-span';
import { spanIsSampled } from './span-segment';
import { spanToJSON } from './span-to-json';
import { startInactiveSpan, startSpan } from './start-span';
import { setUpTestClient } from './test-client.test-helper';
import { hasTracingEnabled } from './tracing-options';
import type { SamplingContext } from './types';

function setSampleRand(sampleRand: number): void {
  const scope = getCurrentScope();
  scope.setPropagationContext({ ...scope.getPropagationContext(), sampleRand });
}

beforeEach(() => {
  vi.restoreAllMocks();
});

describe('tracesSampleRate', () => {
  it('samples iff the trace sample_rand is below the rate (no fresh random draw)', () => {
    const client = setUpTestClient({ tracesSampleRate: 0.25 });
    setSampleRand(0.2499);
    const random = vi.spyOn(Math, 'random');
    const sampled = startInactiveSpan({ name: 'in' });
    setSampleRand(0.25);
    const unsampled = startInactiveSpan({ name: 'out' });
    expect(random).not.toHaveBeenCalled();
    expect(sampled).toBeInstanceOf(SentrySpan);
    expect(spanToJSON(sampled).data['sentry.sample_rate']).toBe(0.25);
    expect(unsampled).toBeInstanceOf(NonRecordingSpan);
    expect(spanIsSampled(unsampled)).toBe(false);
    sampled.end();
    unsampled.end();
    expect(client.transactions()).toHaveLength(1);
    assertValidEvent(client.transactions()[0]);
    expect(client.droppedCount('sample_rate', 'transaction')).toBe(1);
    expect(client.droppedCount('sample_rate', 'span')).toBe(1);
  });

  it('counts the children of an unsampled root as dropped spans and records nothing for them', () => {
    const client = setUpTestClient({ tracesSampleRate: 0 });
    startSpan({ name: 'root' }, () => {
      startSpan({ name: 'a' }, (a) => {
        expect(a).toBeInstanceOf(NonRecordingSpan);
        startSpan({ name: 'b' }, () => undefined);
      });
    });
    expect(client.events).toHaveLength(0);
    expect(client.droppedCount('sample_rate', 'transaction')).toBe(1);
    expect(client.droppedCount('sample_rate', 'span')).toBe(3);
  });

  it.each([[-0.1], [1.5], [Number.NaN], ['0.5'], [{}]])(
    'treats %j as invalid: nothing is sampled, and says why',
    (rate) => {
      const warn = vi.spyOn(debug, 'warn');
      setUpTestClient({ tracesSampleRate: rate as number });
      setSampleRand(0);
      expect(startInactiveSpan({ name: 'x' })).toBeInstanceOf(NonRecordingSpan);
      expect(warn.mock.calls.some(([message]) => String(message).includes('tracesSampleRate'))).toBe(true);
    },
  );
});

describe('tracesSampler', () => {
  it('gets name, attributes and the parent decision and rate, and wins over tracesSampleRate', () => {
    const contexts: SamplingContext[] = [];
    const client = setUpTestClient({
      tracesSampleRate: 0,
      tracesSampler: (context) => {
        contexts.push(context);
        return context.name === 'checkout' ? 1 : false;
      },
    });
    startSpan({ name: 'checkout', op: 'http.server', attributes: { route: '/checkout' } }, () => undefined);
    startSpan({ name: 'health' }, () => undefined);
    expect(client.transactions().map((e) => e.transaction)).toEqual(['checkout']);
    expect(contexts[0]).toMatchObject({
      name: 'checkout',
      attributes: { route: '/checkout' },
      parentSampled: undefined,
      parentSampleRate: undefined,
    });
  });

  it('sees the op as the `sentry.op` attribute, as samplers written for the established SDKs read it', () => {
    const client = setUpTestClient({
      tracesSampler: ({ attributes }) => attributes['sentry.op'] !== 'http.server',
    });
    startSpan({ name: 'GET /health', op: 'http.server' }, () => undefined);
    startSpan({ name: 'nightly', op: 'task' }, () => undefined);
    expect(client.transactions().map((e) => e.transaction)).toEqual(['nightly']);
  });

  it('inheritOrSampleWith returns the parent rate, else the parent decision, else the fallback', () => {
    const results: number[] = [];
    setUpTestClient({
      tracesSampler: ({ inheritOrSampleWith }) => (results.push(inheritOrSampleWith(0.3)), 0),
    });
    startInactiveSpan({ name: 'fresh' });
    continueTrace(
      {
        sentryTrace: `${'a'.repeat(32)}-${'b'.repeat(16)}-1`,
        baggage: 'sentry-sample_rate=0.7,sentry-trace_id=' + 'a'.repeat(32),
      },
      () => startInactiveSpan({ name: 'with rate' }),
    );
    continueTrace({ sentryTrace: `${'a'.repeat(32)}-${'b'.repeat(16)}-0` }, () =>
      startInactiveSpan({ name: 'decision only' }),
    );
    expect(results).toEqual([0.3, 0.7, 0]);
  });

  it('a sampler that throws samples nothing and does not break the caller', () => {
    setUpTestClient({
      tracesSampler: () => {
        throw new Error('sampler bug');
      },
    });
    expect(startSpan({ name: 'x' }, (span) => span)).toBeInstanceOf(NonRecordingSpan);
  });
});

describe('parent-based inheritance', () => {
  it('a continued trace keeps the incoming decision whatever the local rate', () => {
    const client = setUpTestClient({ tracesSampleRate: 0 });
    continueTrace({ sentryTrace: `${'c'.repeat(32)}-${'d'.repeat(16)}-1` }, () =>
      startSpan({ name: 'inherits yes' }, () => undefined),
    );
    expect(client.transactions()).toHaveLength(1);
    const root = client.transactions()[0]!.contexts!['trace']!;
    expect(root).toMatchObject({ trace_id: 'c'.repeat(32), parent_span_id: 'd'.repeat(16) });

    const other = setUpTestClient({ tracesSampleRate: 1 });
    continueTrace({ sentryTrace: `${'c'.repeat(32)}-${'d'.repeat(16)}-0` }, () =>
      startSpan({ name: 'inherits no' }, () => undefined),
    );
    expect(other.transactions()).toHaveLength(0);
  });

  it('children always follow their root', () => {
    setUpTestClient({ tracesSampler: ({ name }) => name === 'root' });
    startSpan({ name: 'root' }, () => {
      expect(startInactiveSpan({ name: 'child' })).toBeInstanceOf(SentrySpan);
    });
  });

  it('the DSC records the applied rate and decision consistently with sample_rand', () => {
    setUpTestClient({ tracesSampleRate: 0.5 });
    setSampleRand(0.123456);
    const span = startInactiveSpan({ name: 'GET /a' });
    expect(getDynamicSamplingContextFromSpan(span)).toMatchObject({
      sample_rand: '0.123456',
      sample_rate: '0.5',
      sampled: 'true',
      transaction: 'GET /a',
    });
    setSampleRand(0.9);
    const unsampled = startInactiveSpan({ name: 'GET /b' });
    expect(getDynamicSamplingContextFromSpan(unsampled)).toMatchObject({
      sample_rand: '0.900000',
      sample_rate: '0.5',
      sampled: 'false',
      transaction: 'GET /b',
    });
  });
});

describe('tracing without performance', () => {
  it('hasTracingEnabled is true only with tracesSampleRate or tracesSampler', () => {
    expect(hasTracingEnabled({})).toBe(false);
    expect(hasTracingEnabled({ tracesSampleRate: 0 })).toBe(true);
    expect(hasTracingEnabled({ tracesSampler: () => 1 })).toBe(true);
    setUpTestClient({ tracesSampleRate: 1 });
    expect(hasTracingEnabled()).toBe(true);
  });

  it('starts spans that record nothing, count nothing, and keep the scope trace for propagation', () => {
    const client = setUpTestClient({});
    startSpan({ name: 'GET /x' }, (span) => {
      expect(span).toBeInstanceOf(NonRecordingSpan);
      expect(span.spanContext().traceId).toBe(getCurrentScope().getPropagationContext().traceId);
      expect(getDynamicSamplingContextFromSpan(span)).not.toHaveProperty('sampled');
    });
    expect(client.events).toHaveLength(0);
    expect(client.dropped).toHaveLength(0);
  });
});
