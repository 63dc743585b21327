import { attempt, DEBUG_BUILD, debug } from '../lib';
import type { Event, Exception, Integration, StackFrame } from '../types';

const NAME = 'Dedupe';

/**
 * Drops an error or message event identical to the previous one sent through this client: same
 * message, same exceptions (type, value, stack) and same fingerprint. Transactions pass through.
 */
export function dedupeIntegration(): Integration {
  // A signature rather than the event itself: later processors change the event in place
  // (rewritten frames, added contexts), and holding a whole event would keep it alive.
  let previous: string | undefined;
  return {
    name: NAME,
    processEvent(event) {
      if (event.type) return event;
      // an unreadable event is never a duplicate
      const signature = attempt(() => getSignature(event));
      if (signature !== undefined && signature === previous) {
        DEBUG_BUILD && debug.log(`Event ${event.event_id ?? ''} dropped by ${NAME}: same as the previous event`);
        return null;
      }
      previous = signature;
      return event;
    },
  };
}

/**
 * What two events must share to be duplicates; `undefined` for events with nothing to compare.
 * JSON writes an absent value inside an array as `null`.
 */
function getSignature(event: Event): string | undefined {
  const message = event.logentry?.message ?? event.logentry?.formatted ?? event.message;
  const exceptions = event.exception?.values ?? [];
  if (message === undefined && exceptions.length === 0) return undefined;
  return JSON.stringify([
    message,
    exceptions.map((exception: Exception) => [exception.type, exception.value, framesKey(exception.stacktrace?.frames)]),
    // Messages captured with `attachStacktrace` carry their stack in `threads`.
    (event.threads?.values ?? []).map((thread) => framesKey((thread['stacktrace'] as { frames?: StackFrame[] } | undefined)?.frames)),
    event.fingerprint ?? [],
  ]);
}

function framesKey(frames: StackFrame[] | undefined): unknown[] {
  return (frames ?? []).map((frame) => [frame.filename, frame.lineno, frame.colno, frame.function]);
}
