import { generateSpanId, generateTraceId } from '../lib';
import { getSpanSampled } from './span-segment';
import type { Span } from './types';

// {trace_id}-{span_id}[-{sampled}], with optional surrounding spaces and tabs (protocol.md §7.1)
const SENTRY_TRACE_PATTERN = /^[ \t]*([0-9a-fA-F]{32})?-?([0-9a-fA-F]{16})?-?([01])?[ \t]*$/;
// {version}-{trace_id}-{parent_id}-{flags} (W3C Trace Context)
const TRACEPARENT_PATTERN = /^[ \t]*([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})[ \t]*$/;
const ZERO_TRACE_ID = /^0+$/;

/** What an incoming `sentry-trace` (or `traceparent`) header says. */
export interface TraceparentData {
  traceId?: string;
  parentSpanId?: string;
  /** `undefined` when the sender deferred the decision. */
  parentSampled?: boolean;
}

/**
 * Reads a `sentry-trace` header leniently (protocol.md §7.1); `undefined` when it is not one.
 * A header without a trace id yields no `traceId`: the receiver starts a new trace.
 */
export function parseSentryTraceHeader(header: unknown): TraceparentData | undefined {
  if (typeof header !== 'string' || header.length > 256) return undefined;
  const match = SENTRY_TRACE_PATTERN.exec(header);
  if (!match) return undefined;
  const [, traceId, spanId, sampled] = match;
  const data: TraceparentData = {};
  if (traceId) data.traceId = traceId.toLowerCase();
  if (spanId) data.parentSpanId = spanId.toLowerCase();
  if (sampled) data.parentSampled = sampled === '1';
  return data;
}

/** Reads a W3C `traceparent` header; `undefined` when it is invalid (protocol.md §7.7: fallback only). */
export function parseTraceparentHeader(header: unknown): TraceparentData | undefined {
  if (typeof header !== 'string') return undefined;
  const match = TRACEPARENT_PATTERN.exec(header.toLowerCase());
  if (!match) return undefined;
  const [, version, traceId = '', spanId = '', flags = '00'] = match;
  if (version === 'ff' || ZERO_TRACE_ID.test(traceId) || ZERO_TRACE_ID.test(spanId)) return undefined;
  return { traceId, parentSpanId: spanId, parentSampled: (parseInt(flags, 16) & 1) === 1 };
}

/** A `sentry-trace` value; the flag is left out when the decision is deferred. */
export function generateSentryTraceHeader(
  traceId: string,
  spanId: string,
  sampled: boolean | undefined,
): string {
  const flag = sampled === undefined ? '' : sampled ? '-1' : '-0';
  return `${traceId}-${spanId}${flag}`;
}

/** A W3C `traceparent` value; a deferred decision is sent as not sampled (`00`). */
export function generateTraceparentHeader(
  traceId: string,
  spanId: string,
  sampled: boolean | undefined,
): string {
  return `00-${traceId}-${spanId}-${sampled ? '01' : '00'}`;
}

/** The `sentry-trace` value that names this span as the parent. */
export function spanToTraceHeader(span: Span): string {
  try {
    const { traceId, spanId } = span.spanContext();
    return generateSentryTraceHeader(traceId, spanId, getSpanSampled(span));
  } catch {
    // not a span: a header of a fresh trace keeps the caller's request well-formed
    return generateSentryTraceHeader(generateTraceId(), generateSpanId(), undefined);
  }
}

/** The `traceparent` value that names this span as the parent. */
export function spanToTraceparentHeader(span: Span): string {
  const { traceId, spanId } = span.spanContext();
  return generateTraceparentHeader(traceId, spanId, getSpanSampled(span));
}
