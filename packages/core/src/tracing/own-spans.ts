import type { NonRecordingSpan } from './non-recording-span';
import type { SentrySpan } from './sentry-span';

// Spans this SDK made, registered by their constructors. Code on the error path (trace context,
// DSC) asks these sets rather than `instanceof`, so it does not pull the span classes into bundles
// that never create a span.
const recordingSpans = new WeakSet<object>();
const nonRecordingSpans = new WeakSet<object>();

/** @internal Called by the span constructors. */
export function registerOwnSpan(span: object, recording: boolean): void {
  (recording ? recordingSpans : nonRecordingSpans).add(span);
}

/** True for a span made by `new SentrySpan` (or a subclass). */
export function isSentrySpan(span: unknown): span is SentrySpan {
  return recordingSpans.has(span as object);
}

/** True for a span made by `new NonRecordingSpan` (or a subclass). */
export function isNonRecordingSpan(span: unknown): span is NonRecordingSpan {
  return nonRecordingSpans.has(span as object);
}
