import { isNonRecordingSpan, isSentrySpan } from './own-spans';
import type { Span, SpanJSON } from './types';

/**
 * A span in its wire form (protocol.md §6.2). Spans that record nothing give their ids and a
 * start timestamp of 0; never throws, even for foreign span objects.
 */
export function spanToJSON(span: Span): SpanJSON {
  if (isSentrySpan(span)) return span.getSpanJSON();
  let traceId = '';
  let spanId = '';
  try {
    ({ traceId, spanId } = span.spanContext());
  } catch {
    // a foreign span whose spanContext throws
  }
  const json: SpanJSON = { trace_id: traceId, span_id: spanId, start_timestamp: 0, data: {} };
  const parentSpanId = isNonRecordingSpan(span) ? span._getParentSpanId() : undefined;
  if (parentSpanId) json.parent_span_id = parentSpanId;
  return json;
}

/** The `contexts.trace` of a transaction or error event for this span. */
export function spanToTraceContext(span: Span): Record<string, unknown> {
  const { trace_id, span_id, parent_span_id, op, status, origin, data } = spanToJSON(span);
  const context: Record<string, unknown> = { trace_id, span_id };
  if (parent_span_id) context['parent_span_id'] = parent_span_id;
  if (op) context['op'] = op;
  if (status) context['status'] = status;
  if (origin) context['origin'] = origin;
  if (Object.keys(data).length > 0) context['data'] = data;
  return context;
}
