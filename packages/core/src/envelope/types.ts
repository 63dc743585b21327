import type { DataCategory, DiscardReason } from '../types';

/** Item types of the envelope protocol that this SDK sends (protocol.md §2.4). */
export type EnvelopeItemType =
  | 'event'
  | 'transaction'
  | 'attachment'
  | 'session'
  | 'sessions'
  | 'client_report'
  | 'check_in'
  | 'log'
  | 'profile'
  | 'profile_chunk'
  | 'span'
  | 'feedback'
  | 'user_report';

/** The first line of an envelope. */
export interface EnvelopeHeaders {
  event_id?: string;
  sent_at?: string;
  sdk?: { name: string; version: string };
  dsn?: string;
  trace?: Record<string, string>;
  [key: string]: unknown;
}

/** The header line of one item. Receivers keep unknown types, so `type` stays a string when parsed. */
export interface EnvelopeItemHeaders {
  type: EnvelopeItemType | (string & {});
  length?: number;
  filename?: string;
  content_type?: string;
  attachment_type?: string;
  item_count?: number;
  platform?: string;
  [key: string]: unknown;
}

/** One item: its header and its payload (JSON-able data, text, or bytes). */
export type EnvelopeItem = [headers: EnvelopeItemHeaders, payload: unknown];

/** A whole envelope: header and items. */
export type Envelope = [headers: EnvelopeHeaders, items: EnvelopeItem[]];

/** One line of a client report: how many items of a category were dropped, and why (protocol.md §4). */
export interface ClientReportEntry {
  reason: DiscardReason;
  category: DataCategory;
  quantity: number;
}
