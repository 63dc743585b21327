import { copyOwnEntries, debug, DEBUG_BUILD, ownKeys } from '../lib';
import { isScopeLike } from '../scope';
import type { EventHint } from '../types';

// Keys that mark a plain object as scope data (`captureException(error, { tags })`) rather than a hint.
const SCOPE_CONTEXT_KEYS = new Set([
  'user',
  'level',
  'extra',
  'contexts',
  'tags',
  'fingerprint',
  'propagationContext',
]);

/**
 * The second argument of `captureException` as a hint. It may be an EventHint, a Scope, a function
 * that updates a scope, or a plain ScopeContext object — the Python SDK's `scope=` and
 * `**scope_kwargs` — which all become `hint.captureContext`, applied to a clone of the scope for this
 * event only.
 */
export function parseCaptureContext(value: unknown): EventHint {
  if (value === undefined || value === null) return {};
  if (typeof value === 'function') return { captureContext: value };
  // only for the message: a primitive has no keys, so it gives `{}` below as well
  if (DEBUG_BUILD && typeof value !== 'object') {
    debug.warn(`The second argument must be a hint, a scope or a scope context; got a ${typeof value}. Ignored.`);
    return {};
  }
  const keys = ownKeys(value);
  if (isScopeLike(value) || keys.some((key) => SCOPE_CONTEXT_KEYS.has(key))) return { captureContext: value };
  return copyOwnEntries<EventHint>(value);
}
