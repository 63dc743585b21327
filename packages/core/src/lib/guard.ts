import { DEBUG_BUILD } from './debug-build';
import { debug } from './debug-logger';
import { isThenable } from './is';

/**
 * Calls user code (hooks, samplers, processors) so that a throw is logged and `fallback` used:
 * an SDK entry point never lets a user callback's error escape into the host app.
 */
export function callGuarded<T>(what: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    DEBUG_BUILD && debug.error(`${what} threw; carrying on without it:`, error);
    return fallback;
  }
}

/**
 * `callGuarded` for user hooks that must answer synchronously (`beforeBreadcrumb`, `beforeSendLog`,
 * `tracesSampler`, …): a promise is ignored (`fallback` is used) and its rejection handled, so an
 * async hook never becomes an unhandled rejection of the host app.
 */
export function callSyncHook<T>(what: string, fn: () => T, fallback: T): T {
  const result = callGuarded(what, fn, fallback);
  if (!isThenable(result)) return result;
  Promise.resolve(result).then(undefined, (error: unknown) => {
    DEBUG_BUILD && debug.error(`${what} rejected:`, error);
  });
  DEBUG_BUILD && debug.warn(`${what} must answer synchronously; the promise it returned is ignored.`);
  return fallback;
}
