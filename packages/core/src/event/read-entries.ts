import { attempt } from '../lib';
import { describeThrown } from './inspect';
import { truncate } from './truncate';

/** One member of an object being normalized: its key and raw value, or the label of the read that threw. */
export type Entry = [key: string, value: unknown, thrown?: string];

/** The members read from one container (at most `maxBreadth`), whether more were left out, and whether it is a list. */
export interface Entries {
  items: Entry[];
  more: boolean;
  list?: boolean;
}

// Read first, in this order; `cause` and `errors` only when they are own properties.
const ERROR_FIELDS = ['name', 'message', 'stack', 'cause', 'errors'];

function thrownLabel(error: unknown): string {
  return `[Thrown: ${truncate(describeThrown(error), 200)}]`;
}

function readKey(value: object, key: string): Entry {
  try {
    return [key, (value as Record<string, unknown>)[key]];
  } catch (error) {
    return [key, undefined, thrownLabel(error)];
  }
}

function readKeys(value: object, keys: string[], maxBreadth: number): Entries {
  return {
    items: keys.slice(0, maxBreadth).map((key) => readKey(value, key)),
    more: keys.length > maxBreadth,
  };
}

/**
 * Reads the own enumerable members of an object (symbol keys are skipped), each getter once; for an
 * error, name, message, stack, cause and AggregateError's errors come first.
 */
export function readObject(value: object, maxBreadth: number, isError?: boolean): Entries {
  const first = isError
    ? ERROR_FIELDS.filter(
        // a Proxy whose getOwnPropertyDescriptor trap throws: the field is left out
        (key, index) => index < 3 || attempt(() => Object.prototype.hasOwnProperty.call(value, key)),
      )
    : [];
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch (error) {
    // The Proxy trap that threw is shown in place of the members (after an error's fields).
    const items = [
      ...first.map((key) => readKey(value, key)),
      ['[Unreadable]', undefined, thrownLabel(error)] as Entry,
    ];
    const kept = isError ? maxBreadth : 1;
    return { items: items.slice(0, kept), more: items.length > kept };
  }
  return readKeys(
    value,
    first.length ? [...first, ...keys.filter((key) => !first.includes(key))] : keys,
    maxBreadth,
  );
}

/** Reads the elements of an array (holes included, as JSON.stringify sees them). */
export function readArray(value: unknown[], maxBreadth: number): Entries {
  const [, length] = readKey(value, 'length');
  const count = typeof length === 'number' && length > 0 ? Math.floor(length) : 0;
  const items: Entry[] = [];
  for (let index = 0; index < Math.min(count, maxBreadth); index++) items.push(readKey(value, String(index)));
  return { items, more: count > maxBreadth, list: true };
}

// Unpatched originals, always called with an explicit `this`: reading a Map or Set runs no user code.
// eslint-disable-next-line @typescript-eslint/unbound-method
const mapEntries = Map.prototype.entries;
// eslint-disable-next-line @typescript-eslint/unbound-method
const setEntries = Set.prototype.entries;

/** Reads a Set's values or a Map's entries (as an object when every key is a string, else as [key, value] pairs). */
export function readCollection(value: object, isMap: boolean, size: number, maxBreadth: number): Entries {
  const raw: [unknown, unknown][] = [];
  // A Set's entries are [value, value] pairs.
  const iterator = (isMap ? mapEntries : setEntries).call(value as Map<unknown, unknown>);
  for (let step = iterator.next(); !step.done && raw.length < maxBreadth; step = iterator.next())
    raw.push(step.value);
  const stringKeys = isMap && raw.every(([key]) => typeof key === 'string');
  const items = raw.map(([key, item], index): Entry =>
    stringKeys ? [key as string, item] : [String(index), isMap ? [key, item] : item],
  );
  return { items, more: size > maxBreadth, list: !stringKeys };
}
