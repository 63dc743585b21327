import { captureEvent, type Event, type EventHint } from '@sentry-sdk/core';
import { attempt, callGuarded, debug, DEBUG_BUILD } from '@sentry-sdk/core/internal';

// Relay keeps at most this many characters of a feedback message (protocol.md §14).
const MAX_MESSAGE_LENGTH = 4096;

/** What a user said, and optionally who they are and which error it is about. */
export interface FeedbackParams {
  message: string;
  name?: string;
  email?: string;
  /** The page it is about; default the current page. */
  url?: string;
  /** The id of the error event the feedback is about. */
  associatedEventId?: string;
  /** Where it came from (default `api`; the report dialog says `report_dialog`). */
  source?: string;
  tags?: Record<string, string>;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function sendFeedback(params: FeedbackParams, hint: EventHint | undefined): string {
  const message = text(params?.message);
  if (!message) {
    DEBUG_BUILD && debug.warn('captureFeedback: `message` must be a non-empty string; nothing was sent.');
    return '';
  }
  const feedback: Record<string, string> = { message: message.slice(0, MAX_MESSAGE_LENGTH) };
  const fields: [string, unknown][] = [
    ['contact_email', params.email],
    ['name', params.name],
    ['url', params.url ?? attempt(() => (globalThis as { location?: Location }).location?.href)],
    ['associated_event_id', params.associatedEventId],
    ['source', params.source ?? 'api'],
  ];
  for (const [key, value] of fields) if (text(value)) feedback[key] = value as string;
  const event: Event = {
    type: 'feedback',
    level: 'info',
    contexts: { feedback },
    ...(params.tags && { tags: params.tags }),
  };
  return captureEvent(event, hint);
}

/**
 * Sends user feedback as a `feedback` event (protocol.md §14): `contexts.feedback` with the
 * message, contact, page and linked event. Scope data and event processors apply; `beforeSend`
 * and `sampleRate` do not. Attachments in `hint.attachments` go in the same envelope. Returns the
 * feedback's event id ('' when there is no message).
 * @example captureFeedback({ message: 'The save button does nothing', email: 'ana@example.org' })
 */
export function captureFeedback(params: FeedbackParams, hint?: EventHint): string {
  return callGuarded('captureFeedback', () => sendFeedback(params, hint), '');
}
