import type { ScopeData } from '../types';

/** What the SDK needs from a scope made by another copy of the SDK in the same realm. */
export interface ScopeLike {
  getScopeData(): ScopeData;
}

/**
 * Duck-typed on purpose: a second copy of the SDK shares the carrier, and its scopes are not
 * instances of this copy's `Scope` class.
 */
export function isScopeLike(value: unknown): value is ScopeLike {
  if (value === null || typeof value !== 'object') return false;
  try {
    const candidate = value as Record<string, unknown>;
    return typeof candidate['getScopeData'] === 'function' && typeof candidate['clone'] === 'function';
  } catch {
    return false;
  }
}
