// Type guards that never throw, whatever they are handed (cross-realm objects, revoked Proxies).

function tagOf(value: unknown): string {
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return '[object Unknown]';
  }
}

/** True for errors, including ones from other realms (iframes, `vm` contexts) and DOMExceptions. */
export function isError(value: unknown): value is Error {
  if (value instanceof Error) return true;
  return /^\[object (?:Error|Exception|DOMException)\]$/.test(tagOf(value));
}

/** True for `{}`-like objects and objects without prototype. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return tagOf(value) === '[object Object]';
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Values that serialise as themselves: strings, numbers, booleans, null, undefined, bigints, symbols. */
export function isPrimitive(value: unknown): value is string | number | boolean | bigint | symbol | null | undefined {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

export function isRegExp(value: unknown): value is RegExp {
  return tagOf(value) === '[object RegExp]';
}

/** True for anything with a callable `then`; reading `then` may throw on hostile objects, which counts as no. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return Boolean(value && typeof (value as { then?: unknown }).then === 'function');
  } catch {
    return false;
  }
}

/** True for DOM Events and look-alikes (unhandled rejections with an Event reason). */
export function isEventLike(value: unknown): value is { type: string; target?: unknown } {
  try {
    return typeof value === 'object' && value !== null && 'type' in value && 'target' in value && 'currentTarget' in value;
  } catch {
    return false;
  }
}
