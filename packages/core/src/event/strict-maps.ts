import { attempt, isPrimitive } from '../lib';
import type { Normalizer } from './normalize';
import type { StrictContext } from './strict-exception';
import { truncate } from './truncate';

/** Relay's limit for tag keys and values (protocol.md §13). */
export const MAX_TAG_LENGTH = 200;

/** Readable own entries of a plain record or array of pairs; `undefined` when `value` is neither. */
export function ownEntries(value: unknown): [string, unknown][] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  try {
    if (Array.isArray(value)) {
      return (value as unknown[])
        .filter(
          (pair): pair is [string, unknown] =>
            Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string',
        )
        .map(([key, item]) => [key, item]);
    }
    return Object.entries(value);
  } catch {
    return undefined;
  }
}

/** `value` when it has at least one key; `undefined` when it is empty (the schema's empty containers are left out). */
export function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  return value && Object.keys(value).length ? value : undefined;
}

/** A plain record (not an array), read once; `undefined` for anything else. */
export function toRecord(value: unknown): Record<string, unknown> | undefined {
  const entries = ownEntries(value);
  return entries && !Array.isArray(value) ? Object.fromEntries(entries) : undefined;
}

/** `value` normalized to `depth`, as text: a string as it is, anything else as its JSON. */
export function toJsonText(value: unknown, normalizer: Normalizer, depth: number): string {
  const normalized = normalizer(value, depth);
  return typeof normalized === 'string' ? normalized : JSON.stringify(normalized);
}

/** `value` as a string for a string-only map: scalars stringified (`String(value)`), lists joined, the rest as JSON. */
export function toMapValue(value: unknown, normalizer: Normalizer): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (isPrimitive(value)) return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return toJsonText(value, normalizer, 2);
}

/** Sets an own key, even `__proto__`, without touching the prototype. */
export function assign<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * A `string → string` map (headers, query, cookies, modules); `undefined` when nothing is left.
 * With a `limit` (tags), empty keys are dropped and keys and values cut at it.
 */
export function toStringMap(
  value: unknown,
  context: StrictContext,
  limit = 0,
): Record<string, string> | undefined {
  const map: Record<string, string> = {};
  for (const [key, item] of ownEntries(value) ?? []) {
    const text = toMapValue(item, context.normalizer);
    if (text !== undefined && (key || !limit)) assign(map, truncate(key, limit), truncate(text, limit));
  }
  return nonEmpty(map);
}

function decode(text: string): string {
  return attempt(() => decodeURIComponent(text)) ?? text;
}

/** Cookies as a map; a raw `Cookie` header string (which the schema rejects) is parsed. */
export function toCookies(value: unknown, context: StrictContext): Record<string, string> | undefined {
  if (typeof value !== 'string') return toStringMap(value, context);
  const cookies: Record<string, string> = {};
  for (const part of value.split(';')) {
    const index = part.indexOf('=');
    const name = (index < 0 ? part : part.slice(0, index)).trim();
    if (name) assign(cookies, name, decode(index < 0 ? '' : part.slice(index + 1).trim()));
  }
  return nonEmpty(cookies);
}
