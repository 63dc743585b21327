import { isNonRecordingSpan, isSentrySpan } from './own-spans';
import type { Segment } from './segment';
import type { Span } from './types';

/** The tree a span of this SDK belongs to; `undefined` for foreign span objects. */
export function getSpanSegment(span: unknown): Segment | undefined {
  return isSentrySpan(span) || isNonRecordingSpan(span) ? span._getSegment() : undefined;
}

/** The root of the span's local tree: the span that becomes the transaction (the span itself for roots). */
export function getRootSpan(span: Span): Span {
  return getSpanSegment(span)?.root ?? span;
}

/**
 * The trace's sampling decision as the span knows it: `undefined` while deferred (tracing
 * without performance), which outgoing `sentry-trace` headers leave out.
 */
export function getSpanSampled(span: Span): boolean | undefined {
  const segment = getSpanSegment(span);
  if (segment) return segment.sampled;
  try {
    return (span.spanContext().traceFlags & 1) === 1;
  } catch {
    return undefined;
  }
}

/** True when the span's trace is sampled. */
export function spanIsSampled(span: Span): boolean {
  return getSpanSampled(span) === true;
}
