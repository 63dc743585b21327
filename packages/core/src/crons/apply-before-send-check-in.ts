import { callSyncHook, DEBUG_BUILD, debug, isThenable } from '../lib';
import type { ClientOptions } from '../types';
import type { SerializedCheckIn } from './types';

const THREW = Symbol('threw');

/**
 * Runs `beforeSendCheckIn` on a copy of the check-in: returns what to send, or `null` when the hook
 * dropped it. A hook that throws or returns something other than an object (a promise included:
 * the hook is synchronous) is logged and the check-in is sent as it was.
 */
export function applyBeforeSendCheckIn(
  checkIn: SerializedCheckIn,
  options: ClientOptions,
): SerializedCheckIn | null {
  const hook = options.beforeSendCheckIn;
  if (typeof hook !== 'function') return checkIn;
  // plain JSON data: a round trip copies it exactly, so a hook that throws halfway changes nothing
  const copy = JSON.parse(JSON.stringify(checkIn)) as SerializedCheckIn;
  const result = callSyncHook<unknown>('beforeSendCheckIn', () => hook(copy), THREW);
  if (result === THREW) return checkIn;
  if (result === null || result === undefined) {
    DEBUG_BUILD && debug.log(`beforeSendCheckIn returned ${String(result)}; the check-in is dropped.`);
    return null;
  }
  if (typeof result !== 'object' || isThenable(result)) {
    DEBUG_BUILD &&
      debug.warn(
        'beforeSendCheckIn must return a check-in or null, synchronously; the check-in is sent as it was.',
      );
    return checkIn;
  }
  return result as SerializedCheckIn;
}
