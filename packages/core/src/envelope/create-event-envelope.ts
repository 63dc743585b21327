import { dsnToString } from '../lib';
import type { Attachment, DsnComponents, Event } from '../types';
import { createEnvelope } from './create-envelope';
import { createAttachmentItem, createClientReportItem } from './envelope-items';
import type { ClientReportEntry, Envelope, EnvelopeHeaders, EnvelopeItem } from './types';

/** What the envelope header of an event needs besides the event. */
export interface EventEnvelopeOptions {
  dsn?: DsnComponents;
  sdk?: { name: string; version: string };
  /** With a tunnel the header carries the DSN so the tunnel can forward the envelope (protocol.md §1.2). */
  tunnel?: string;
  /** The dynamic sampling context, sent as the `trace` header. */
  dsc?: Record<string, string>;
  attachments?: Attachment[];
}

/**
 * The envelope of an error, transaction or feedback event with its attachments (protocol.md §2.2).
 * `sent_at` is left out: the transport writes it once, when it sends.
 */
export function createEventEnvelope(event: Event, options: EventEnvelopeOptions = {}): Envelope {
  const headers: EnvelopeHeaders = {};
  if (event.event_id !== undefined) headers.event_id = event.event_id;
  if (options.sdk) headers.sdk = { name: options.sdk.name, version: options.sdk.version };
  if (options.tunnel && options.dsn) headers.dsn = dsnToString(options.dsn);
  if (options.dsc) headers.trace = options.dsc;

  // the item type of each event type (protocol.md §2.4): `transaction`, `feedback`, else `event`
  const type = event.type === 'transaction' || event.type === 'feedback' ? event.type : 'event';
  const items: EnvelopeItem[] = [[{ type }, event]];
  for (const attachment of options.attachments ?? []) items.push(createAttachmentItem(attachment));
  return createEnvelope(headers, items);
}

/** An envelope carrying one client report (protocol.md §4). */
export function createClientReportEnvelope(
  discarded: readonly ClientReportEntry[],
  options: { dsn?: DsnComponents | undefined; tunnel?: string | undefined } = {},
  timestamp?: number,
): Envelope {
  const headers: EnvelopeHeaders = {};
  if (options.tunnel && options.dsn) headers.dsn = dsnToString(options.dsn);
  return createEnvelope(headers, [createClientReportItem(discarded, timestamp)]);
}
