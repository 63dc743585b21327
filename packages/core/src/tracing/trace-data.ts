import { generateSpanId } from '../lib';
import { getClient, getCurrentScope, type Scope } from '../scope';
import type { PropagationContext } from '../types';
import { dynamicSamplingContextToSentryBaggageHeader } from './baggage';
import { freezeDynamicSamplingContext } from './dynamic-sampling-context';
import { generateSentryTraceHeader, generateTraceparentHeader } from './sentry-trace-header';
import { _getSpanForScope, activeSpanReaders, isTracingSuppressed } from './active-span-slot';
import { getSpanSampled } from './span-segment';
import { getTracingOptions } from './tracing-options';
import type { TraceData } from './types';

/** The propagation context of `scope`, given a stable span id for outgoing headers if it had none. */
function withPropagationSpanId(scope: Scope): PropagationContext & { propagationSpanId: string } {
  const context = scope.getPropagationContext();
  if (context.propagationSpanId) return context as PropagationContext & { propagationSpanId: string };
  const completed = { ...context, propagationSpanId: generateSpanId() };
  scope.setPropagationContext(completed);
  return completed;
}

/** The trace id, span id and decision outgoing headers carry: the active span's, else the scope's. */
function getOutgoingIds(scope: Scope): { traceId: string; spanId: string; sampled: boolean | undefined } {
  const span = _getSpanForScope(scope);
  if (span) return { ...span.spanContext(), sampled: getSpanSampled(span) };
  const context = withPropagationSpanId(scope);
  return { traceId: context.traceId, spanId: context.propagationSpanId, sampled: context.sampled };
}

/**
 * The headers to attach to an outgoing request so the next service continues this trace:
 * `sentry-trace`, `baggage` (the DSC, frozen from now on) and, with `propagateTraceparent`,
 * `traceparent`. Empty without a client or inside `suppressTracing`.
 * @example fetch(url, { headers: { ...getTraceData() } });
 */
export function getTraceData(): TraceData {
  const scope = getCurrentScope();
  const client = getClient();
  if (!client || isTracingSuppressed(scope)) return {};
  const { traceId, spanId, sampled } = getOutgoingIds(scope);
  const data: TraceData = { 'sentry-trace': generateSentryTraceHeader(traceId, spanId, sampled) };
  const baggage = dynamicSamplingContextToSentryBaggageHeader(freezeDynamicSamplingContext(client, scope));
  if (baggage) data.baggage = baggage;
  if (getTracingOptions(client).propagateTraceparent === true) {
    data.traceparent = generateTraceparentHeader(traceId, spanId, sampled);
  }
  return data;
}

/** The `sentry-trace` value for an outgoing request (the Python SDK's `get_traceparent`). */
export function getTraceparent(): string | undefined {
  return getTraceData()['sentry-trace'];
}

/** The `baggage` value for an outgoing request (the Python SDK's `get_baggage`). */
export function getBaggage(): string | undefined {
  return getTraceData().baggage;
}

/**
 * The `<meta name="sentry-trace">` and `<meta name="baggage">` tags of the current trace, for a
 * server to render into the `<head>` of a page so that the browser SDK's page load continues its
 * trace (protocol.md §7.5). Empty without a client.
 * @example res.send(`<html><head>${getTraceMetaTags()}</head>…</html>`);
 */
export function getTraceMetaTags(): string {
  const data = getTraceData();
  const escape = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return (['sentry-trace', 'baggage'] as const)
    .filter((name) => data[name])
    .map((name) => `<meta name="${name}" content="${escape(data[name]!)}"/>`)
    .join('\n');
}

/**
 * `contexts.trace` for an error event captured with `scope`: the active span's ids, else the
 * propagation context's, so that errors join the trace even when no span is active.
 */
export function getTraceContextFromScope(scope: Scope): Record<string, unknown> {
  const span = _getSpanForScope(scope);
  if (span && activeSpanReaders) return activeSpanReaders.traceContext(span);
  const context = withPropagationSpanId(scope);
  const trace: Record<string, unknown> = { trace_id: context.traceId, span_id: context.propagationSpanId };
  if (context.parentSpanId) trace['parent_span_id'] = context.parentSpanId;
  return trace;
}
