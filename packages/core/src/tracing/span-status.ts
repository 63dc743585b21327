import { debug, DEBUG_BUILD, readProperty } from '../lib';
import type { Span, SpanStatus } from './types';

const BY_HTTP_CODE: Readonly<Record<number, SpanStatus>> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  413: 'failed_precondition',
  429: 'resource_exhausted',
  499: 'cancelled',
  500: 'internal_error',
  501: 'unimplemented',
  503: 'unavailable',
  504: 'deadline_exceeded',
};

// the statuses of protocol.md §6.3: those HTTP codes map to, and five more
const VALID_STATUSES: ReadonlySet<string> = new Set<string>([
  ...Object.values(BY_HTTP_CODE),
  'ok',
  'unknown',
  'aborted',
  'out_of_range',
  'data_loss',
]);

/**
 * The wire form of a status, or `undefined` when it is not one of protocol.md §6.3 (`unknown_error` →
 * `unknown`). The established SDKs' `{ code, message? }` form is read as they read it: code 2 is the
 * status `message` names (else `internal_error`), codes 0 and 1 are `ok`.
 */
export function toSpanStatus(status: unknown): SpanStatus | undefined {
  if (status === 'unknown_error') return 'unknown';
  if (status !== null && typeof status === 'object') {
    const code = readProperty(status, 'code');
    if (code === 0 || code === 1) return 'ok';
    if (code === 2) {
      const message = readProperty(status, 'message');
      return (typeof message === 'string' && toSpanStatus(message)) || 'internal_error';
    }
  }
  return typeof status === 'string' && VALID_STATUSES.has(status) ? (status as SpanStatus) : undefined;
}

/** The span status for an HTTP response code, as the JS SDK maps it (protocol.md §6.3). */
export function getSpanStatusFromHttpCode(httpStatus: number): SpanStatus {
  if (typeof httpStatus !== 'number' || !Number.isFinite(httpStatus)) return 'unknown';
  const code = Math.trunc(httpStatus);
  if (code >= 100 && code < 400) return 'ok';
  const known = BY_HTTP_CODE[code];
  if (known) return known;
  if (code >= 400 && code < 500) return 'invalid_argument';
  if (code >= 500 && code < 600) return 'internal_error';
  return 'unknown';
}

/** Records an HTTP response code on a span: the `http.response.status_code` attribute and the mapped status. */
export function setHttpStatus(span: Span, httpStatus: number): void {
  try {
    span.setAttribute('http.response.status_code', httpStatus);
    span.setStatus(getSpanStatusFromHttpCode(httpStatus));
  } catch {
    DEBUG_BUILD && debug.warn('setHttpStatus: the first argument is not a span; nothing was recorded');
  }
}
