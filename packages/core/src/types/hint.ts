import type { Attachment } from './attachment';
import type { Mechanism } from './event';

/**
 * What the SDK knew when it made an event: the original thrown value, a synthetic error for a
 * stack trace, attachments. Passed to event processors and `beforeSend*`; never sent.
 */
export interface EventHint {
  event_id?: string;
  originalException?: unknown;
  syntheticException?: Error | null;
  mechanism?: Partial<Mechanism>;
  attachments?: Attachment[];
  /** Free-form data integrations hand to each other (e.g. the incoming request for `requestData`). */
  data?: Record<string, unknown>;
  /** A scope update carried through `captureException(error, context)`. */
  captureContext?: unknown;
}

/** The name JavaScript users know for `EventHint`. */
export type Hint = EventHint;
