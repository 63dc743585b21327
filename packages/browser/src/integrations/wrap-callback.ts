import { captureException, type Mechanism } from '@sentry-sdk/core';
import { attempt, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { markCapturedBeforeRethrow } from './captured-errors';

type AnyFunction = (...args: any[]) => any;

// Every wrapper made, so that a wrapper is never wrapped again.
const wrappers = new WeakSet<AnyFunction>();

/** A cache of wrappers for one API, so the same callback always gets the same wrapper. */
export type WrapperCache = WeakMap<AnyFunction, AnyFunction>;

/** A new cache for one wrapped API (`removeEventListener` finds the wrapper `addEventListener` made). */
export function createWrapperCache(): WrapperCache {
  return new WeakMap();
}

function copyShape(wrapper: AnyFunction, fn: AnyFunction): void {
  // a hostile function (throwing getters): the wrapper keeps its own length and name
  attempt(() => {
    for (const key of ['length', 'name'] as const)
      Object.defineProperty(wrapper, key, { value: fn[key], configurable: true });
  });
}

/**
 * A wrapper of `fn` that captures what it throws as unhandled, with `mechanism`, then rethrows so
 * the page behaves as before. It keeps `this`, arguments, return value, `length` and `name`;
 * `toString` shows `fn`'s source (through functionToStringIntegration). Wrapping is idempotent:
 * a wrapper is returned as is, and `fn` gets the same wrapper each time from the same cache.
 */
export function wrapCallback<T>(fn: T, mechanism: Mechanism, cache: WrapperCache): T {
  if (typeof fn !== 'function' || wrappers.has(fn as AnyFunction)) return fn;
  const original = fn as AnyFunction;
  const cached = cache.get(original);
  if (cached) return cached as T;

  const wrapper = function (this: unknown, ...args: unknown[]): unknown {
    try {
      return original.apply(this, args);
    } catch (error) {
      captureException(error, { mechanism, originalException: error });
      markCapturedBeforeRethrow(error);
      throw error;
    }
  };
  copyShape(wrapper, original);
  markFunctionWrapped(wrapper, original);
  wrappers.add(wrapper);
  cache.set(original, wrapper);
  return wrapper as T;
}
