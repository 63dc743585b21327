/** `String(value)`, or `undefined` when its `toString`/`Symbol.toPrimitive` throws. */
export function safeString(value: unknown): string | undefined {
  try {
    return String(value);
  } catch {
    return undefined;
  }
}

/**
 * A tag value as Relay's schema requires it: a string. Numbers, booleans, bigints and symbols are
 * stringified; `null`/`undefined` mean "remove the tag".
 */
export function toTagValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : safeString(value);
}

/** A tag, extra or context key as a non-empty string, or `undefined` when it cannot be one. */
export function toKey(key: unknown): string | undefined {
  const text =
    typeof key === 'string' ? key : key === null || key === undefined ? undefined : safeString(key);
  return text ? text : undefined;
}
