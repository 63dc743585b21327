import { callGuarded, DEBUG_BUILD, debug, isThenable } from '../lib';
import type { ClientOptions, ErrorEvent, Event, EventHint, TransactionEvent } from '../types';
import { settleUserHook, THREW } from './settle-user-hook';

/**
 * Runs the user's last hook before sending: `beforeSendTransaction` for transactions, `beforeSend`
 * for other events (feedback has its own hook, protocol.md §14). Sync or async. `null` (or
 * `undefined`) drops the event; a hook that throws, rejects or returns a non-object is logged and the
 * event is sent as it was before the hook: the hook works on a copy, so a throw halfway leaves nothing
 * half-changed. Renaming a transaction marks its name as `custom`. Resolves to the event to send, or
 * `null` when the hook dropped it.
 */
export async function applyBeforeSend(
  event: Event,
  hint: EventHint,
  options: ClientOptions,
): Promise<Event | null> {
  const isTransaction = event.type === 'transaction';
  const name = isTransaction ? 'beforeSendTransaction' : 'beforeSend';
  const hook = isTransaction
    ? options.beforeSendTransaction
    : event.type === 'feedback'
      ? undefined
      : options.beforeSend;
  if (typeof hook !== 'function') return event;

  const copy = copyEvent(event);
  const call = hook as (event: ErrorEvent | TransactionEvent, hint: EventHint) => unknown;
  let result: unknown = callGuarded(name, () => call(copy as ErrorEvent, hint), THREW);
  if (isThenable(result)) result = await settleUserHook(name, result);
  if (result === THREW) return event;
  if (result === null || result === undefined) {
    DEBUG_BUILD && debug.log(`${name} returned ${String(result)}; the event is dropped.`);
    return null;
  }
  if (typeof result !== 'object') {
    DEBUG_BUILD &&
      debug.warn(
        `${name} must return an event or null; it returned a ${typeof result}. The event is sent as it was.`,
      );
    return event;
  }

  const sent = result as Event;
  if (isTransaction && readTransaction(sent) !== event.transaction) {
    try {
      sent.transaction_info = { source: 'custom' };
    } catch {
      // a frozen or hostile result keeps the source it had
    }
  }
  return sent;
}

/** The number of child spans of a transaction, 0 when it has none (or they cannot be counted). */
export function spanCount(event: Event): number {
  try {
    return Array.isArray(event.spans) ? event.spans.length : 0;
  } catch {
    return 0;
  }
}

// The event was normalized just before: plain JSON data, so a JSON round trip copies it exactly.
function copyEvent(event: Event): Event {
  try {
    return JSON.parse(JSON.stringify(event)) as Event;
  } catch {
    return event;
  }
}

function readTransaction(event: Event): unknown {
  try {
    return event.transaction;
  } catch {
    return undefined;
  }
}
