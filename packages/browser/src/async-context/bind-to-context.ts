import type { ScopePair, ZoneStrategy } from './zone-strategy';

type AnyFunction = (...args: any[]) => any;

const bound = new WeakSet<AnyFunction>();

/** True for a function that `bindToContext` made: binding it again would change nothing. */
export function isBoundToContext(fn: unknown): boolean {
  // a WeakSet answers false for values that are no objects
  return bound.has(fn as AnyFunction);
}

/** A function that calls `fn` (keeping `this`, arguments and return value) while `pair` is current. */
export function bindToPair<T extends AnyFunction>(strategy: ZoneStrategy, pair: ScopePair, fn: T): T {
  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    return strategy.runWith(pair, fn, this, args);
  };
  bound.add(wrapper);
  return wrapper as T;
}

/**
 * `fn` bound to the scopes current now, so that it runs with them whenever it is called. Anything
 * that is not a function, and functions bound already, are returned as they are.
 */
export function bindToContext<T>(strategy: ZoneStrategy, fn: T): T {
  if (typeof fn !== 'function' || bound.has(fn as AnyFunction)) return fn;
  return bindToPair(strategy, strategy.capture(), fn as AnyFunction) as T;
}
