import { readObject, readString } from '../grouping';
import { readTime } from './read-time';
import type { TraceSpan } from '../viewer-api';

type SpanDraft = Omit<TraceSpan, 'depth'>;

/** The spans a transaction event carries: its root (from `contexts.trace`) and its children. */
export function readTransactionSpans(transaction: Record<string, unknown>): SpanDraft[] {
  const trace = readObject(readObject(transaction['contexts'])?.['trace']) ?? {};
  const eventId = readString(transaction['event_id']) ?? null;
  const platform = readString(transaction['platform']) ?? null;
  const start = readTime(transaction['start_timestamp']) ?? readTime(transaction['timestamp']) ?? 0;
  const root: SpanDraft = {
    ...readSpanFields(trace, start, readTime(transaction['timestamp']) ?? start),
    description: readString(transaction['transaction']) ?? null,
    transaction_id: eventId,
    is_transaction_root: true,
    platform,
    measurements: readObject(transaction['measurements']) ?? null,
  };
  const children = Array.isArray(transaction['spans']) ? transaction['spans'] : [];
  return [
    root,
    ...children.flatMap((child) => {
      const span = readObject(child);
      return span ? [{ ...readStandaloneSpan(span), transaction_id: eventId, platform }] : [];
    }),
  ];
}

/** A v1 span JSON or a v2 span (name, end_timestamp, typed attributes). */
export function readStandaloneSpan(span: Record<string, unknown>): SpanDraft {
  const start = readTime(span['start_timestamp']) ?? 0;
  const end = readTime(span['timestamp']) ?? readTime(span['end_timestamp']) ?? start;
  return {
    ...readSpanFields(span, start, end),
    description: readString(span['description']) ?? readString(span['name']) ?? null,
    transaction_id: null,
    is_transaction_root: false,
    platform: null,
    measurements: readObject(span['measurements']) ?? null,
  };
}

function readSpanFields(span: Record<string, unknown>, start: number, end: number) {
  const attributes = readObject(span['attributes']);
  const data = readObject(span['data']) ?? (attributes ? flattenAttributes(attributes) : {});
  return {
    span_id: readString(span['span_id']) ?? '',
    parent_span_id: readString(span['parent_span_id']) ?? null,
    op: readString(span['op']) ?? readString(data['sentry.op']) ?? null,
    start,
    end: Math.max(start, end),
    status: readString(span['status']) ?? null,
    origin: readString(span['origin']) ?? readString(data['sentry.origin']) ?? null,
    data,
  };
}

/** v2 attributes are `{ key: { type, value } }`: the waterfall shows the values. */
function flattenAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, attribute] of Object.entries(attributes))
    flat[key] = readObject(attribute)?.['value'] ?? attribute;
  return flat;
}

/** Orders spans depth first (each parent before its children, siblings by start) and sets `depth`. */
export function orderSpanTree(spans: SpanDraft[]): TraceSpan[] {
  const ids = new Set(spans.map((span) => span.span_id));
  const children = new Map<string | null, SpanDraft[]>();
  for (const span of spans) {
    // a span whose parent did not arrive (another service, not sampled there) is shown as a root
    const parent = span.parent_span_id !== null && ids.has(span.parent_span_id) ? span.parent_span_id : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(span);
    children.set(parent, siblings);
  }
  const ordered: TraceSpan[] = [];
  const seen = new Set<SpanDraft>();
  const visit = (parent: string | null, depth: number): void => {
    const siblings = (children.get(parent) ?? []).sort((a, b) => a.start - b.start);
    for (const span of siblings) {
      if (seen.has(span)) continue;
      seen.add(span);
      ordered.push({ ...span, depth });
      if (span.span_id) visit(span.span_id, depth + 1);
    }
  };
  visit(null, 0);
  // spans in a parent cycle (malformed input) are never reached from a root: append them flat
  for (const span of spans) if (!seen.has(span)) ordered.push({ ...span, depth: 0 });
  return ordered;
}
