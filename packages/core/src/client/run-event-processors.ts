import { callGuarded, DEBUG_BUILD, debug, isThenable } from '../lib';
import type { Event, EventHint } from '../types';
import { settleUserHook, THREW } from './settle-user-hook';

/** One step of the processor chain, named for debug messages. */
export interface NamedProcessor {
  name: string;
  process: (event: Event, hint: EventHint) => unknown;
}

/**
 * Runs the processors in order, each on what the previous returned (awaiting async ones).
 * `null` drops the event (so does `undefined`, with a warning: a processor that forgot to return).
 * A processor that throws or rejects is logged and skipped: the event goes on as it was.
 */
export async function runEventProcessors(
  event: Event,
  hint: EventHint,
  processors: NamedProcessor[],
): Promise<Event | null> {
  let current = event;
  for (const { name, process } of processors) {
    let result: unknown = callGuarded(name, () => process(current, hint), THREW);
    if (isThenable(result)) result = await settleUserHook(name, result);
    if (result === THREW) continue;
    if (result === null || result === undefined) {
      if (result === undefined)
        DEBUG_BUILD &&
          debug.warn(`${name} returned undefined; the event is dropped (return the event to keep it).`);
      else DEBUG_BUILD && debug.log(`${name} dropped the event.`);
      return null;
    }
    if (typeof result !== 'object') {
      DEBUG_BUILD && debug.warn(`${name} returned something that is not an event; it is ignored.`);
      continue;
    }
    current = result;
  }
  return current;
}
