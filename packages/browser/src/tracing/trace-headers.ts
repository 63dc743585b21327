import type { TraceData } from '@sentry-sdk/core';
import { baggageHeaderToDynamicSamplingContext, mergeBaggageHeader } from '@sentry-sdk/core/internal';

type HeaderSetter = (name: string, value: string) => void;

/**
 * Sets the trace headers through `set`, unless the request already carries a `sentry-trace` (the app
 * propagates itself). `baggage` keeps other vendors' members of `existingBaggage` and replaces any
 * `sentry-*` ones (protocol.md §7.2).
 */
export function setTraceHeaders(
  trace: TraceData,
  get: (name: string) => string | null | undefined,
  set: HeaderSetter,
): void {
  const sentryTrace = trace['sentry-trace'];
  if (!sentryTrace || get('sentry-trace')) return;
  set('sentry-trace', sentryTrace);
  const baggage = mergeBaggageHeader(get('baggage'), baggageHeaderToDynamicSamplingContext(trace.baggage));
  if (baggage) set('baggage', baggage);
  if (trace.traceparent) set('traceparent', trace.traceparent);
}

/**
 * The `init` to call `fetch(input, init)` with so that the request carries the trace headers: the
 * page's own headers (from `init`, else from a `Request` input) are kept. `undefined` when they
 * cannot be read (then the request goes out as the page made it).
 */
export function withTraceHeaders(input: unknown, init: unknown, trace: TraceData): RequestInit | undefined {
  try {
    const options = (init && typeof init === 'object' ? init : {}) as RequestInit;
    const source = options.headers ?? (input instanceof Request ? input.headers : undefined);
    const headers = new Headers(source);
    setTraceHeaders(
      trace,
      (name) => headers.get(name),
      (name, value) => headers.set(name, value),
    );
    return { ...options, headers };
  } catch {
    return undefined;
  }
}
