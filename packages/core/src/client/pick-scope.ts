import { debug, DEBUG_BUILD, readProperty } from '../lib';
import { getCurrentScope, isScopeLike, type Scope } from '../scope';

/**
 * The scope an event is captured with: the one passed in (a Scope of this or another copy of the
 * SDK), else the current scope. A capture context (`captureException(error, { tags })`) is applied
 * to a clone, so it changes this event only.
 */
export function pickScope(scope: unknown, captureContext: unknown): Scope {
  const base = isScope(scope) ? scope : getCurrentScope();
  if (captureContext === undefined || captureContext === null) return base;
  try {
    const clone = base.clone();
    clone.update(captureContext);
    return clone;
  } catch (error) {
    DEBUG_BUILD &&
      debug.warn('The capture context could not be applied; the event is captured without it:', error);
    return base;
  }
}

// Duck-typed: a second copy of the SDK shares the scopes, which are not instances of this copy's class.
function isScope(value: unknown): value is Scope {
  return isScopeLike(value) && typeof readProperty(value, 'update') === 'function';
}
