import { describe, expect, it } from 'vitest';
import {
  baggageHeaderToDynamicSamplingContext,
  dynamicSamplingContextToSentryBaggageHeader,
  MAX_BAGGAGE_LENGTH,
  mergeBaggageHeader,
} from './baggage';
import {
  generateSentryTraceHeader,
  generateTraceparentHeader,
  parseSentryTraceHeader,
  parseTraceparentHeader,
} from './sentry-trace-header';
import { shouldPropagateTraceForUrl } from './should-propagate-trace';

const TRACE = '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9';
const SPAN = 'a1b2c3d4e5f60718';

describe('sentry-trace (protocol.md §7.1)', () => {
  it.each([
    [`${TRACE}-${SPAN}-1`, { traceId: TRACE, parentSpanId: SPAN, parentSampled: true }],
    [`${TRACE}-${SPAN}-0`, { traceId: TRACE, parentSpanId: SPAN, parentSampled: false }],
    [`${TRACE}-${SPAN}`, { traceId: TRACE, parentSpanId: SPAN }],
    [` \t${TRACE.toUpperCase()}-${SPAN}-1 `, { traceId: TRACE, parentSpanId: SPAN, parentSampled: true }],
    ['-1', { parentSampled: true }],
  ])('parses %j leniently', (header, expected) => {
    expect(parseSentryTraceHeader(header)).toEqual(expected);
  });

  it.each([['nope'], [`${TRACE}-${SPAN}-2`], [`${TRACE}x-${SPAN}`], [42], [undefined]])(
    'rejects %j',
    (header) => {
      expect(parseSentryTraceHeader(header)).toBeUndefined();
    },
  );

  it('writes the flag only when a decision was made', () => {
    expect(generateSentryTraceHeader(TRACE, SPAN, true)).toBe(`${TRACE}-${SPAN}-1`);
    expect(generateSentryTraceHeader(TRACE, SPAN, false)).toBe(`${TRACE}-${SPAN}-0`);
    expect(generateSentryTraceHeader(TRACE, SPAN, undefined)).toBe(`${TRACE}-${SPAN}`);
  });
});

describe('traceparent (protocol.md §7.7)', () => {
  it('writes 01 only for sampled, 00 also for a deferred decision', () => {
    expect(generateTraceparentHeader(TRACE, SPAN, true)).toBe(`00-${TRACE}-${SPAN}-01`);
    expect(generateTraceparentHeader(TRACE, SPAN, undefined)).toBe(`00-${TRACE}-${SPAN}-00`);
  });

  it('parses valid headers and rejects all-zero ids and version ff', () => {
    expect(parseTraceparentHeader(`00-${TRACE}-${SPAN}-03`)).toEqual({
      traceId: TRACE,
      parentSpanId: SPAN,
      parentSampled: true,
    });
    expect(parseTraceparentHeader(`00-${'0'.repeat(32)}-${SPAN}-01`)).toBeUndefined();
    expect(parseTraceparentHeader(`ff-${TRACE}-${SPAN}-01`)).toBeUndefined();
  });
});

describe('baggage (protocol.md §7.2)', () => {
  it('reads sentry-* members of repeated headers, decoded, ignoring other vendors and properties', () => {
    const dsc = baggageHeaderToDynamicSamplingContext([
      'vendor=x, sentry-trace_id=' + TRACE + ',sentry-release=app%401.2.3',
      ' sentry-transaction=GET%20%2Fusers%2F%3Aid;prop=1 , sentry-sample_rand=0.073191,other=%ZZ',
    ]);
    expect(dsc).toEqual({
      trace_id: TRACE,
      release: 'app@1.2.3',
      transaction: 'GET /users/:id',
      sample_rand: '0.073191',
    });
    expect(baggageHeaderToDynamicSamplingContext('vendor=x')).toBeUndefined();
  });

  it('writes URI-encoded sentry-* members', () => {
    expect(
      dynamicSamplingContextToSentryBaggageHeader({
        trace_id: TRACE,
        release: 'app@1.2.3',
        transaction: 'GET /a,b',
      }),
    ).toBe(`sentry-trace_id=${TRACE},sentry-release=app%401.2.3,sentry-transaction=GET%20%2Fa%2Cb`);
  });

  it('keeps third-party members of an outgoing request and replaces its sentry-* members', () => {
    const merged = mergeBaggageHeader('vendor=x,sentry-trace_id=old,other=y', {
      trace_id: TRACE,
      sampled: 'true',
    });
    expect(merged).toBe(`vendor=x,other=y,sentry-trace_id=${TRACE},sentry-sampled=true`);
  });

  it('drops members past 8192 characters, other vendors first', () => {
    const big = Array.from({ length: 9 }, (_, i) => `v${i}=${'x'.repeat(1000)}`).join(',');
    const merged = mergeBaggageHeader(big, { trace_id: TRACE, transaction: 't'.repeat(2000) })!;
    expect(merged.length).toBeLessThanOrEqual(MAX_BAGGAGE_LENGTH);
    expect(baggageHeaderToDynamicSamplingContext(merged)).toEqual({
      trace_id: TRACE,
      transaction: 't'.repeat(2000),
    });
    expect(merged.split(',').filter((m) => m.startsWith('v')).length).toBe(6);
    expect(dynamicSamplingContextToSentryBaggageHeader({ transaction: 'x'.repeat(9000) })).toBeUndefined();
  });
});

describe('shouldPropagateTraceForUrl (protocol.md §7.6)', () => {
  it('Node (no current origin): unset targets propagate everywhere, [] nowhere', () => {
    expect(shouldPropagateTraceForUrl('https://api.example.com/x', undefined)).toBe(true);
    expect(shouldPropagateTraceForUrl('https://api.example.com/x', [])).toBe(false);
  });

  it('strings match as substrings, RegExps against the full URL (also /g ones, repeatedly)', () => {
    const targets = ['api.example', /^https:\/\/internal\./g];
    expect(shouldPropagateTraceForUrl('https://api.example.com/users', targets)).toBe(true);
    expect(shouldPropagateTraceForUrl('https://internal.corp/a', targets)).toBe(true);
    expect(shouldPropagateTraceForUrl('https://internal.corp/b', targets)).toBe(true);
    expect(shouldPropagateTraceForUrl('https://third-party.io/?next=internal.', targets)).toBe(false);
  });

  it('browser: unset targets propagate only to the same origin (relative URLs included)', () => {
    const origin = 'https://shop.example';
    expect(shouldPropagateTraceForUrl('/api/cart', undefined, origin)).toBe(true);
    expect(shouldPropagateTraceForUrl('https://shop.example/api', undefined, origin)).toBe(true);
    expect(shouldPropagateTraceForUrl('https://cdn.example/lib.js', undefined, origin)).toBe(false);
    expect(shouldPropagateTraceForUrl('//cdn.example/lib.js', undefined, origin)).toBe(false);
  });

  it('browser with targets: the absolute URL, and for same-origin requests the path too', () => {
    const origin = 'https://shop.example';
    expect(shouldPropagateTraceForUrl('/api/cart', [/^\/api\//], origin)).toBe(true);
    expect(shouldPropagateTraceForUrl('/api/cart', ['shop.example/api'], origin)).toBe(true);
    expect(shouldPropagateTraceForUrl('https://other.example/api/cart', [/^\/api\//], origin)).toBe(false);
  });

  it('never throws for hostile targets', () => {
    const hostile = new Proxy([], {
      get() {
        throw new Error('trap');
      },
    });
    expect(shouldPropagateTraceForUrl('https://x', hostile)).toBe(false);
    expect(shouldPropagateTraceForUrl('https://x', [42 as never, null as never])).toBe(false);
  });
});
