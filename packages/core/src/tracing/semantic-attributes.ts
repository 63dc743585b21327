// Attribute keys the SDK reads back when it builds the wire format (protocol.md §6.1, §6.4, §6.7).

/** The span's `op`. */
export const SEMANTIC_ATTRIBUTE_SENTRY_OP = 'sentry.op';
/** The span's origin: `manual` or `auto.{category}.{integration}`. */
export const SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN = 'sentry.origin';
/** Where a root span's name came from: becomes `transaction_info.source`. */
export const SEMANTIC_ATTRIBUTE_SENTRY_SOURCE = 'sentry.source';
/** The sample rate applied to a root span. */
export const SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE = 'sentry.sample_rate';
