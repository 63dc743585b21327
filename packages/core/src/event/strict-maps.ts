import type { Normalizer } from './normalize';
import { nonEmpty } from './pick-typed';
import { truncate } from './truncate';

/** Relay's limit for tag keys and values (protocol.md §13). */
export const MAX_TAG_LENGTH = 200;

/** Readable own entries of a plain record or array of pairs; `undefined` when `value` is neither. */
export function ownEntries(value: unknown): [string, unknown][] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  try {
    if (Array.isArray(value)) {
      return (value as unknown[])
        .filter((pair): pair is [unknown, unknown] => Array.isArray(pair) && pair.length === 2)
        .filter(([key]) => typeof key === 'string')
        .map(([key, item]) => [key as string, item]);
    }
    return Object.entries(value);
  } catch {
    return undefined;
  }
}

/** `value` as a string for a string-only map: scalars stringified (`String(value)`), lists joined, the rest as JSON. */
export function toMapValue(value: unknown, normalizer: Normalizer): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint' ||
    typeof value === 'symbol'
  )
    return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  const normalized = normalizer(value, 2);
  return typeof normalized === 'string' ? normalized : JSON.stringify(normalized);
}

/** Sets an own key, even `__proto__`, without touching the prototype. */
export function assign<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A `string → string` map (headers, query, cookies, modules); `undefined` when nothing is left. */
export function toStringMap(value: unknown, normalizer: Normalizer): Record<string, string> | undefined {
  const entries = ownEntries(value);
  if (!entries) return undefined;
  const map: Record<string, string> = {};
  for (const [key, item] of entries) {
    const text = toMapValue(item, normalizer);
    if (text !== undefined) assign(map, key, text);
  }
  return nonEmpty(map);
}

/** Tags as Relay's schema requires: string values, keys and values at most 200 characters. */
export function toStrictTags(value: unknown, normalizer: Normalizer): Record<string, string> | undefined {
  const entries = ownEntries(value);
  if (!entries) return undefined;
  const tags: Record<string, string> = {};
  for (const [key, item] of entries) {
    const text = toMapValue(item, normalizer);
    if (key && text !== undefined)
      assign(tags, truncate(key, MAX_TAG_LENGTH), truncate(text, MAX_TAG_LENGTH));
  }
  return nonEmpty(tags);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Cookies as a map; a raw `Cookie` header string (which the schema rejects) is parsed. */
export function toCookies(value: unknown, normalizer: Normalizer): Record<string, string> | undefined {
  if (typeof value !== 'string') return toStringMap(value, normalizer);
  const cookies: Record<string, string> = {};
  for (const part of value.split(';')) {
    const index = part.indexOf('=');
    const name = (index < 0 ? part : part.slice(0, index)).trim();
    if (name) assign(cookies, name, decode(index < 0 ? '' : part.slice(index + 1).trim()));
  }
  return nonEmpty(cookies);
}
