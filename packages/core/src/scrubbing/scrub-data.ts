import { DENIED_TEXT, type Denial } from './key-matcher';
import { FILTERED } from './value-patterns';

/** The two tests the deep walk needs: one for keys, one for string values. */
export interface Scrubber {
  /** How much of the value of `key` is a secret (0: none). */
  denialOf(key: string): Denial;
  /** `text` with secret parts masked; the same string when there were none. */
  scrubString(text: string): string;
}

/** Items arrive normalized (extra and contexts 3 levels deep); this bounds hostile ones. */
const MAX_DEPTH = 24;
/** Values one item may hold; a cyclic or huge hand-made payload stops the walk past it. */
const MAX_NODES = 200_000;
/** Ids and times the protocol needs exactly as they are (a span id may be all digits). */
const PASS_THROUGH = new Set([
  'event_id',
  'trace_id',
  'span_id',
  'parent_span_id',
  'segment_id',
  'check_in_id',
  'profile_id',
  'replay_id',
  'timestamp',
  'start_timestamp',
]);

let budget = MAX_NODES;

/** Starts the node budget of one item. */
export function resetBudget(): void {
  budget = MAX_NODES;
}

/**
 * Calls `fn` for each own enumerable entry of `object` and returns a copy holding what `fn`
 * returned, made only when `fn` changed a value (same reference otherwise: no allocation).
 */
export function mapEntries<T extends object>(object: T, fn: (key: string, value: unknown) => unknown): T {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const value = (object as Record<string, unknown>)[key];
    const mapped = fn(key, value);
    // A spread defines `__proto__` (a key from JSON) as the copy's own data property, so the
    // assignment updates that property instead of replacing the copy's prototype.
    if (mapped !== value) (copy ??= { ...(object as Record<string, unknown>) })[key] = mapped;
  }
  return (copy ?? object) as T;
}

/** Like `mapEntries`, for arrays. */
export function mapItems<T, R = T>(list: readonly T[], fn: (item: T) => R): (T | R)[] {
  let copy: (T | R)[] | undefined;
  for (let index = 0; index < list.length; index++) {
    const item = list[index] as T;
    const mapped: unknown = fn(item);
    if (mapped !== item) (copy ??= list.slice())[index] = mapped as R;
  }
  return copy ?? (list as T[]);
}

/**
 * `value` with secrets filtered at any depth: values of denied keys become `[Filtered]`, strings
 * have secret parts masked. Copy-on-write: the same reference comes back when nothing matched.
 */
export function scrubData(value: unknown, scrubber: Scrubber, depth = 0): unknown {
  if (--budget < 0) throw new Error('too many values to scrub');
  if (typeof value === 'string') return scrubber.scrubString(value);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value))
    return mapItems(value as unknown[], (item) => scrubData(item, scrubber, depth + 1));
  // an entry of user data: a denied key loses its value, anything else is walked
  return mapEntries(value, (key, item) => {
    if (PASS_THROUGH.has(key)) return item;
    const denial = scrubber.denialOf(key);
    return denial ? filteredValue(item, denial) : scrubData(item, scrubber, depth + 1);
  });
}

/** What a denied key's value becomes: booleans and empty values tell nothing and stay, as numbers under keys denied for their text. */
export function filteredValue(value: unknown, denial: Denial): unknown {
  if (value === null || value === undefined || typeof value === 'boolean' || value === FILTERED) return value;
  if (denial === DENIED_TEXT && (typeof value === 'number' || typeof value === 'bigint')) return value;
  return FILTERED;
}

/** True for keys whose value the protocol needs as it is. */
export function isPassThroughKey(key: string): boolean {
  return PASS_THROUGH.has(key);
}
