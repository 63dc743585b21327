import { attempt } from '../lib';
import { describeThrown } from './inspect';

/** One member of an object being normalized: its key and raw value, or the label of the read that threw. */
export interface Entry {
  key: string;
  value: unknown;
  thrown?: string;
}

/** The members read from one container (at most `maxBreadth`), and whether more were left out. */
export interface Entries {
  shape: 'object' | 'array';
  items: Entry[];
  more: boolean;
}

const ERROR_FIELDS = ['name', 'message', 'stack'];
const ERROR_EXTRAS = ['cause', 'errors'];

function thrownLabel(error: unknown): string {
  const message = describeThrown(error);
  return `[Thrown: ${message.length > 200 ? `${message.slice(0, 197)}...` : message}]`;
}

function readKey(value: object, key: string): Entry {
  try {
    return { key, value: (value as Record<string, unknown>)[key] };
  } catch (error) {
    return { key, value: undefined, thrown: thrownLabel(error) };
  }
}

/** Own enumerable string keys (symbol keys are skipped), or the label of the Proxy trap that threw. */
function ownKeys(value: object): string[] | string {
  try {
    return Object.keys(value);
  } catch (error) {
    return thrownLabel(error);
  }
}

/** Reads the own enumerable members of an object, each getter once. */
export function readObject(value: object, maxBreadth: number, skip: string[] = []): Entries {
  const keys = ownKeys(value);
  if (typeof keys === 'string')
    return { shape: 'object', items: [{ key: '[Unreadable]', value: undefined, thrown: keys }], more: false };
  const wanted = skip.length ? keys.filter((key) => !skip.includes(key)) : keys;
  const items = wanted.slice(0, maxBreadth).map((key) => readKey(value, key));
  return { shape: 'object', items, more: wanted.length > maxBreadth };
}

/** Reads the elements of an array (holes included, as JSON.stringify sees them). */
export function readArray(value: unknown[], maxBreadth: number): Entries {
  const length = readKey(value, 'length');
  const count = typeof length.value === 'number' && length.value > 0 ? Math.floor(length.value) : 0;
  const items: Entry[] = [];
  for (let index = 0; index < Math.min(count, maxBreadth); index++) items.push(readKey(value, String(index)));
  return { shape: 'array', items, more: count > maxBreadth };
}

/** Reads a Set's values or a Map's entries (as an object when every key is a string, else as [key, value] pairs). */
export function readCollection(
  value: object,
  kind: 'map' | 'set',
  size: number,
  maxBreadth: number,
): Entries {
  const raw: [unknown, unknown][] = [];
  let failure: string | undefined;
  try {
    const iterator =
      kind === 'map'
        ? Map.prototype.entries.call(value as Map<unknown, unknown>)
        : Set.prototype.values.call(value as Set<unknown>);
    for (let step = iterator.next(); !step.done && raw.length < maxBreadth; step = iterator.next()) {
      raw.push(kind === 'map' ? (step.value as [unknown, unknown]) : [undefined, step.value]);
    }
  } catch (error) {
    failure = thrownLabel(error);
  }
  const stringKeys = kind === 'map' && raw.every(([key]) => typeof key === 'string');
  const items: Entry[] = raw.map(([key, item], index) =>
    stringKeys
      ? { key: key as string, value: item }
      : { key: String(index), value: kind === 'map' ? [key, item] : item },
  );
  if (failure) items.push({ key: String(items.length), value: undefined, thrown: failure });
  return { shape: stringKeys ? 'object' : 'array', items, more: size > maxBreadth };
}

/** Reads name, message, stack, cause (and AggregateError's errors) plus the error's own enumerable members. */
export function readError(value: object, maxBreadth: number): Entries {
  const items = ERROR_FIELDS.map((key) => readKey(value, key));
  for (const key of ERROR_EXTRAS) {
    // a Proxy whose getOwnPropertyDescriptor trap throws: the field is left out
    if (attempt(() => Object.prototype.hasOwnProperty.call(value, key))) items.push(readKey(value, key));
  }
  const own = readObject(value, maxBreadth, [...ERROR_FIELDS, ...ERROR_EXTRAS]);
  items.push(...own.items);
  return { shape: 'object', items: items.slice(0, maxBreadth), more: own.more || items.length > maxBreadth };
}
