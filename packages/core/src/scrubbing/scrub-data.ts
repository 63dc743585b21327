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

/** Thrown when an item holds more than MAX_NODES values: its senders drop it rather than send it unread. */
export class ScrubBudgetExceeded extends Error {}

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
  const keys = Object.keys(object);
  for (const key of keys) {
    const value = (object as Record<string, unknown>)[key];
    const mapped = fn(key, value);
    if (mapped === value) continue;
    copy ??= copyEntries(object, keys);
    setOwn(copy, key, mapped);
  }
  return (copy ?? object) as T;
}

/** Like `mapEntries`, for arrays. */
export function mapItems<T>(list: readonly T[], fn: (item: T) => T): T[] {
  let copy: T[] | undefined;
  for (let index = 0; index < list.length; index++) {
    const item = list[index] as T;
    const mapped = fn(item);
    if (mapped === item) continue;
    copy ??= list.slice();
    copy[index] = mapped;
  }
  return copy ?? (list as T[]);
}

/**
 * `value` with secrets filtered at any depth: values of denied keys become `[Filtered]`, strings
 * have secret parts masked. Copy-on-write: the same reference comes back when nothing matched.
 */
export function scrubData(value: unknown, scrubber: Scrubber, depth = 0): unknown {
  if (--budget < 0) throw new ScrubBudgetExceeded('too many values to scrub');
  if (typeof value === 'string') return scrubber.scrubString(value);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value))
    return mapItems(value as unknown[], (item) => scrubData(item, scrubber, depth + 1));
  return mapEntries(value, (key, item) => scrubEntry(key, item, scrubber, depth + 1));
}

/** One entry of user data: a denied key loses its value, anything else is walked. */
export function scrubEntry(key: string, value: unknown, scrubber: Scrubber, depth: number): unknown {
  if (PASS_THROUGH.has(key)) return value;
  const denial = scrubber.denialOf(key);
  return denial ? filteredValue(value, denial) : scrubData(value, scrubber, depth);
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

function copyEntries(object: object, keys: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of keys) setOwn(copy, key, (object as Record<string, unknown>)[key]);
  return copy;
}

// A `__proto__` key (from JSON) stays a data property instead of replacing the copy's prototype.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
