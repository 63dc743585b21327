import { DEBUG_BUILD, debug, UUID_PATTERN, uuid4 } from '../lib';

/**
 * The id of an event being captured: the hint's `event_id`, else the event's own, else a new one —
 * always 32 lowercase hex characters as protocol.md §0 wants (a dashed UUID loses its dashes).
 */
export function resolveEventId(fromHint: unknown, fromEvent: unknown): string {
  for (const candidate of [fromHint, fromEvent]) {
    const id = toEventId(candidate);
    if (id) return id;
    if (DEBUG_BUILD && candidate !== undefined)
      debug.warn('event_id must be 32 hex characters (a UUID); a new id is used instead.');
  }
  return uuid4();
}

function toEventId(value: unknown): string | undefined {
  return typeof value === 'string' && UUID_PATTERN.test(value) ? value.toLowerCase().replace(/-/g, '') : undefined;
}
