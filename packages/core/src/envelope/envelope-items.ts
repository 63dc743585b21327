import { dateTimestampInSeconds, encodeUtf8 } from '../lib';
import type { Attachment, Event } from '../types';
import type { ClientReportEntry, EnvelopeItem } from './types';

/** Content type of a `log` container item (protocol.md §10). */
export const LOG_CONTAINER_CONTENT_TYPE = 'application/vnd.sentry.items.log+json';
/** Content type of a v2 `span` container item (protocol.md §6.9). */
export const SPAN_CONTAINER_CONTENT_TYPE = 'application/vnd.sentry.items.span.v2+json';

/** An `event` item: an error or message event. */
export function createEventItem(event: Event): EnvelopeItem {
  return [{ type: 'event' }, event];
}

/** A `transaction` item. */
export function createTransactionItem(transaction: Event): EnvelopeItem {
  return [{ type: 'transaction' }, transaction];
}

/** A `feedback` item (protocol.md §14). */
export function createFeedbackItem(feedback: Event): EnvelopeItem {
  return [{ type: 'feedback' }, feedback];
}

/** An `attachment` item; `length` is the UTF-8 byte count of text data, or the byte count of binary data. */
export function createAttachmentItem(attachment: Attachment): EnvelopeItem {
  const data = attachment.data;
  const length = typeof data === 'string' ? encodeUtf8(data).length : data.length;
  return [
    {
      type: 'attachment',
      length,
      filename: attachment.filename,
      ...(attachment.contentType !== undefined && { content_type: attachment.contentType }),
      ...(attachment.attachmentType !== undefined && { attachment_type: attachment.attachmentType }),
    },
    data,
  ];
}

/** A `session` item: one session update (protocol.md §8.1). */
export function createSessionItem(session: object): EnvelopeItem {
  return [{ type: 'session' }, session];
}

/** A `sessions` item: session aggregates of a server (protocol.md §8.2). */
export function createSessionsItem(aggregates: object): EnvelopeItem {
  return [{ type: 'sessions' }, aggregates];
}

/** A `client_report` item with the discarded counts (protocol.md §4). */
export function createClientReportItem(
  discarded: readonly ClientReportEntry[],
  timestamp: number = dateTimestampInSeconds(),
): EnvelopeItem {
  return [{ type: 'client_report' }, { timestamp, discarded_events: discarded }];
}

/** A `check_in` item (protocol.md §9). */
export function createCheckInItem(checkIn: object): EnvelopeItem {
  return [{ type: 'check_in' }, checkIn];
}

/** A `log` container item holding up to 100 logs (protocol.md §10). */
export function createLogItem(logs: readonly object[]): EnvelopeItem {
  return [
    { type: 'log', item_count: logs.length, content_type: LOG_CONTAINER_CONTENT_TYPE },
    { version: 2, items: logs },
  ];
}

/** A `profile` item: a transaction profile (protocol.md §11.1). */
export function createProfileItem(profile: object): EnvelopeItem {
  return [{ type: 'profile' }, profile];
}

/** A `profile_chunk` item; its header repeats the chunk's `platform` (protocol.md §11.2). */
export function createProfileChunkItem(chunk: { platform?: string }): EnvelopeItem {
  return [{ type: 'profile_chunk', platform: chunk.platform ?? 'javascript' }, chunk];
}

/** A v1 standalone `span` item: one span's JSON (protocol.md §6.9). */
export function createSpanItem(span: object): EnvelopeItem {
  return [{ type: 'span' }, span];
}

/** A v2 `span` container item holding streamed spans (protocol.md §6.9). */
export function createSpanContainerItem(spans: readonly object[]): EnvelopeItem {
  return [
    { type: 'span', item_count: spans.length, content_type: SPAN_CONTAINER_CONTENT_TYPE },
    { version: 2, items: spans },
  ];
}
