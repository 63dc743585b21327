/** Rate-limit and client-report categories (protocol.md §2.4, §3.3). */
export type DataCategory =
  | 'default'
  | 'error'
  | 'transaction'
  | 'security'
  | 'attachment'
  | 'attachment_item'
  | 'session'
  | 'profile'
  | 'profile_chunk'
  | 'profile_chunk_ui'
  | 'replay'
  | 'monitor'
  | 'span'
  | 'log_item'
  | 'log_byte'
  | 'feedback'
  | 'trace_metric'
  | 'metric_bucket'
  | 'internal';

/** Why an item was dropped, as client reports name it (protocol.md §4). */
export type DiscardReason =
  | 'queue_overflow'
  | 'cache_overflow'
  | 'buffer_overflow'
  | 'ratelimit_backoff'
  | 'network_error'
  | 'send_error'
  | 'sample_rate'
  | 'before_send'
  | 'event_processor'
  | 'internal_sdk_error'
  | 'insufficient_data'
  | 'backpressure'
  | 'ignored'
  | 'invalid'
  | 'no_parent_span';

/** Records one dropped item (or `quantity` of them) for the next client report. */
export type RecordDroppedEvent = (reason: DiscardReason, category: DataCategory, quantity?: number) => void;
