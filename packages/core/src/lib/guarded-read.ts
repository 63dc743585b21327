// Options, hints, events, thrown values and scope data come from user code and may be Proxies or
// carry throwing getters: these readers touch each property once and never let a trap escape.

/** Calls `fn`; `undefined` when it throws. */
export function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Reads one property; `undefined` when `value` is not an object or function, or the read throws. */
export function readProperty(value: unknown, key: PropertyKey): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  return attempt(() => (value as Record<PropertyKey, unknown>)[key]);
}

/** The own enumerable string keys of an object; `[]` for non-objects and when they cannot be listed. */
export function ownKeys(value: unknown): string[] {
  return (value !== null && typeof value === 'object' && attempt(() => Object.keys(value))) || [];
}

/** A copy of an array; `[]` for anything else, or when reading it throws (a revoked Proxy). */
export function copyArray(value: unknown): unknown[] {
  return attempt(() => (Array.isArray(value) ? Array.from(value as unknown[]) : [])) ?? [];
}

/** True for an object with at least one own enumerable string key. */
export function hasOwnEntries(value: unknown): boolean {
  return ownKeys(value).length > 0;
}

/** Calls `fn` for each own enumerable string key of `value` whose value can be read. */
export function forEachOwnEntry(value: unknown, fn: (key: string, item: unknown) => void): void {
  for (const key of ownKeys(value)) {
    let item: unknown;
    try {
      item = (value as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    fn(key, item);
  }
}

/**
 * A shallow copy of the readable own entries of `value` (`{}` for non-objects). `__proto__` keys
 * are left out, so a copy never gets another prototype.
 */
export function copyOwnEntries<T extends object = Record<string, unknown>>(value: unknown): T {
  const copy: Record<string, unknown> = {};
  forEachOwnEntry(value, (key, item) => {
    if (key !== '__proto__') copy[key] = item;
  });
  return copy as T;
}
