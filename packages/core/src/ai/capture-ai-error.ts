import { captureException } from '../api';
import { readProperty } from '../lib';
import { getSpanStatusFromHttpCode, withActiveSpan, type Span } from '../tracing';

// Errors already captured: a provider error that also escapes an `aiTrack` pipeline is one event.
const captured = new WeakSet<object>();

/** True for the errors an app raises on purpose by aborting a request. */
function isAbort(error: unknown): boolean {
  const name = readProperty(error, 'name');
  return name === 'AbortError' || name === 'APIUserAbortError';
}

/** The span status an error asks for: from its HTTP `status` when it has one, else `internal_error`. */
function statusOf(error: unknown): ReturnType<typeof getSpanStatusFromHttpCode> {
  if (isAbort(error)) return 'cancelled';
  const status = readProperty(error, 'status');
  return typeof status === 'number' && status >= 400 ? getSpanStatusFromHttpCode(status) : 'internal_error';
}

/**
 * Marks `span` as failed and captures `error` (once, unhandled, with `mechanismType`) linked to it:
 * the event's trace context names the span. Aborts by the app are not captured.
 */
export function captureAiError(span: Span | undefined, error: unknown, mechanismType: string): void {
  span?.setStatus(statusOf(error));
  if (isAbort(error)) return;
  if (error !== null && typeof error === 'object') {
    if (captured.has(error)) return;
    captured.add(error);
  }
  const capture = (): void => {
    captureException(error, { mechanism: { type: mechanismType, handled: false } });
  };
  if (span) withActiveSpan(span, capture);
  else capture();
}
