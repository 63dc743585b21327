import { DEBUG_BUILD } from './debug-build';
import { debug } from './debug-logger';

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
