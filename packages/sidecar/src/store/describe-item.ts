import type { EnvelopeHeaders, EnvelopeItemHeaders } from '@sentry-sdk/core/internal';
import { describeEvent, getGroupKey, readObject, readString } from '../grouping';
import { readTime } from './read-time';

/** The columns of an item row that the views filter and sort by. */
export interface ItemColumns {
  event_id: string | null;
  trace_id: string | null;
  group_key: string | null;
  timestamp: number | null;
  start_time: number | null;
  name: string | null;
  detail: string | null;
  level: string | null;
  status: string | null;
}

const EMPTY: ItemColumns = {
  event_id: null,
  trace_id: null,
  group_key: null,
  timestamp: null,
  start_time: null,
  name: null,
  detail: null,
  level: null,
  status: null,
};

/** Reads the indexed columns of one item: its ids, times, name and, for errors, its issue. */
export function describeItem(
  envelope: EnvelopeHeaders,
  headers: EnvelopeItemHeaders,
  payload: unknown,
): ItemColumns {
  const data = readObject(payload) ?? {};
  const envelopeTraceId = readString(readObject(envelope.trace)?.['trace_id']) ?? null;
  const contextTrace = readObject(readObject(data['contexts'])?.['trace']);
  const traceId = readString(contextTrace?.['trace_id']) ?? readString(data['trace_id']) ?? envelopeTraceId;
  const base: ItemColumns = { ...EMPTY, trace_id: traceId, timestamp: readTime(data['timestamp']) ?? null };
  const eventId = readString(data['event_id']) ?? readString(envelope.event_id) ?? null;

  switch (headers.type) {
    case 'event': {
      const { title, culprit } = describeEvent(data);
      const level = readString(data['level']) ?? 'error';
      return {
        ...base,
        event_id: eventId,
        group_key: getGroupKey(data),
        name: title,
        detail: culprit ?? null,
        level,
      };
    }
    case 'transaction':
      return {
        ...base,
        event_id: eventId,
        start_time: readTime(data['start_timestamp']) ?? null,
        name: readString(data['transaction']) ?? '<unnamed transaction>',
        detail: readString(contextTrace?.['op']) ?? null,
        status: readString(contextTrace?.['status']) ?? null,
      };
    case 'span':
      return describeSpanItem(base, data);
    case 'check_in':
      return {
        ...base,
        event_id: readString(data['check_in_id']) ?? null,
        name: readString(data['monitor_slug']) ?? '<no monitor>',
        status: readString(data['status']) ?? null,
      };
    case 'session':
      return {
        ...base,
        event_id: readString(data['sid']) ?? null,
        name: readString(readObject(data['attrs'])?.['release']) ?? null,
        status: readString(data['status']) ?? null,
      };
    case 'sessions':
      return { ...base, name: readString(readObject(data['attrs'])?.['release']) ?? null };
    case 'attachment':
      return {
        ...base,
        event_id: readString(envelope.event_id) ?? null,
        name: readString(headers.filename) ?? null,
      };
    case 'feedback': {
      const feedback = readObject(readObject(data['contexts'])?.['feedback']);
      return { ...base, event_id: eventId, name: readString(feedback?.['message']) ?? null };
    }
    case 'log':
      return { ...base, name: `${Array.isArray(data['items']) ? data['items'].length : 0} logs` };
    default:
      return { ...base, event_id: eventId };
  }
}

/** A v1 span item is one span; a v2 container holds several of one trace. */
function describeSpanItem(base: ItemColumns, data: Record<string, unknown>): ItemColumns {
  const spans = Array.isArray(data['items']) ? data['items'].map(readObject) : [data];
  const first = spans.find((span) => span?.['is_segment'] === true) ?? spans[0];
  return {
    ...base,
    trace_id: readString(first?.['trace_id']) ?? base.trace_id,
    start_time: readTime(first?.['start_timestamp']) ?? null,
    timestamp: readTime(first?.['timestamp'] ?? first?.['end_timestamp']) ?? null,
    name: readString(first?.['description']) ?? readString(first?.['name']) ?? null,
    detail: readString(first?.['op']) ?? null,
    status: readString(first?.['status']) ?? null,
  };
}
