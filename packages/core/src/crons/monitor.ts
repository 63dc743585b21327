import { DEBUG_BUILD, debug } from '../lib';
import type { WithMonitorOptions } from './types';
import { withMonitor } from './with-monitor';

type AnyFunction = (...args: any[]) => any;

/** What `monitor(slug, options)` returns: a function wrapper that is also a method decorator. */
export interface MonitorWrapper {
  /** Wraps a function, or decorates a class method (TC39 decorators): each call is one monitored run. */
  <F extends AnyFunction>(fn: F, context?: ClassMethodDecoratorContext): F;
  /** Decorates a class method under TypeScript's `experimentalDecorators`. */
  <D extends TypedPropertyDescriptor<any>>(target: object, key: string | symbol, descriptor: D): D;
}

/**
 * The Python SDK's `monitor`. With a callback it runs it at once, as `withMonitor`. Without one it
 * returns a wrapper: `monitor('slug')(fn)` gives a function whose every call is a monitored run,
 * and `@monitor('slug')` does the same for a class method (TC39 decorators or
 * `experimentalDecorators`). `this` and the arguments are passed through.
 * @example
 * class Jobs {
 *   @monitor('nightly-report', { schedule: { type: 'crontab', value: '0 3 * * *' } })
 *   async report() {}
 * }
 * const cleanup = monitor('cleanup')(() => removeOldFiles());
 */
export function monitor<T>(monitorSlug: string, callback: () => T, options?: WithMonitorOptions): T;
export function monitor(monitorSlug: string, options?: WithMonitorOptions): MonitorWrapper;
export function monitor(
  monitorSlug: string,
  callbackOrOptions?: (() => unknown) | WithMonitorOptions,
  options?: WithMonitorOptions,
): unknown {
  if (typeof callbackOrOptions === 'function') return withMonitor(monitorSlug, callbackOrOptions, options);
  const config = callbackOrOptions;
  const wrap = (fn: AnyFunction): AnyFunction => {
    const monitored = function (this: unknown, ...args: unknown[]): unknown {
      return withMonitor(monitorSlug, () => fn.apply(this, args) as unknown, config);
    };
    try {
      Object.defineProperty(monitored, 'name', { value: fn.name, configurable: true });
    } catch {
      // a hostile function: the wrapper keeps its own name
    }
    return monitored;
  };

  return function monitorWrapper(target: unknown, _key?: unknown, descriptor?: PropertyDescriptor): unknown {
    if (
      descriptor !== undefined &&
      typeof descriptor === 'object' &&
      typeof descriptor.value === 'function'
    ) {
      descriptor.value = wrap(descriptor.value as AnyFunction);
      return descriptor;
    }
    if (typeof target === 'function') return wrap(target as AnyFunction);
    DEBUG_BUILD &&
      debug.warn(`monitor("${String(monitorSlug)}"): can only wrap a function or a method; left as it was.`);
    return descriptor ?? target;
  };
}
