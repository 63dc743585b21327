import { callGuarded, copyOwnEntries, debug, DEBUG_BUILD, uuid4 } from '../lib';
import type { Client, EventHint } from '../types';
import type { Scope } from './scope';

type CaptureMethod = 'captureException' | 'captureMessage' | 'captureEvent';

/**
 * Hands a capture to the scope's client with the event id fixed in the hint. Without a client it
 * does nothing but still returns a fresh id, so callers can always log one.
 */
export function captureWithScope(
  scope: Scope,
  method: CaptureMethod,
  hint: EventHint | undefined,
  send: (client: Client, hint: EventHint) => string,
  recordLastEventId = true,
): string {
  const fullHint = copyOwnEntries<EventHint>(hint);
  const eventId = typeof fullHint.event_id === 'string' && fullHint.event_id ? fullHint.event_id : uuid4();
  const client = scope.getClient();
  if (!client) {
    DEBUG_BUILD && debug.warn(`${method}: no client is bound to the scope; nothing was sent`);
    return eventId;
  }
  fullHint.event_id = eventId;
  const sent = callGuarded(`client.${method}`, () => send(client, fullHint), eventId);
  const id = typeof sent === 'string' && sent ? sent : eventId;
  if (recordLastEventId) scope.setLastEventId(id);
  return id;
}

/** A stack captured where the user called the SDK, for values that carry none (strings, objects). */
export function syntheticHint(originalException: unknown): EventHint {
  return { originalException, syntheticException: new Error('Sentry syntheticException') };
}
