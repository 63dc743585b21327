import { attempt } from '../lib';

/**
 * A tag value as Relay's schema requires it: a string. Numbers, booleans, bigints and symbols are
 * stringified (`undefined` when their `toString`/`Symbol.toPrimitive` throws); `null`/`undefined`
 * mean "remove the tag".
 */
export function toTagValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  // any value is stringified on purpose (`as unknown` tells the linter so); `attempt` guards the throw
  return typeof value === 'string' ? value : attempt(() => String(value as unknown));
}

/** A tag, extra or context key as a non-empty string, or `undefined` when it cannot be one. */
export function toKey(key: unknown): string | undefined {
  return toTagValue(key) || undefined;
}
