import { DEBUG_BUILD, debug } from '../lib';
import type { Integration } from '../types';

const NAME = 'FunctionToString';

type AnyFunction = (...args: never[]) => unknown;
type ToString = (this: unknown, ...args: unknown[]) => string;

// A property view rather than the method type, so that reading the method unbound is explicit.
const functionPrototype = Function.prototype as unknown as { toString: ToString };

// A WeakMap rather than a property on the wrapper: user code that enumerates or freezes
// functions never sees SDK state, and wrappers are collected with their originals.
const originals = new WeakMap<AnyFunction, AnyFunction>();
let nativeToString: ToString = functionPrototype.toString;
let installed = false;

/** Records that `wrapper` stands in for `original`, so `wrapper.toString()` shows the original's source. */
export function markFunctionWrapped(wrapper: AnyFunction, original: AnyFunction): void {
  if (typeof wrapper === 'function' && typeof original === 'function' && wrapper !== original) {
    originals.set(wrapper, original);
  }
}

/** The function `wrapper` was made from by the SDK, or `undefined` for a function the SDK did not wrap. */
export function getOriginalFunction<T extends AnyFunction>(wrapper: T): T | undefined {
  return typeof wrapper === 'function' ? (originals.get(wrapper) as T | undefined) : undefined;
}

// Wrappers of wrappers resolve to the innermost original; the bound stops a cycle of marks. A
// WeakMap answers undefined for a primitive `this`.
function unwrap(value: unknown): unknown {
  let current = value;
  for (let i = 0; i < 100; i++) {
    const original = originals.get(current as AnyFunction);
    if (!original) return current;
    current = original;
  }
  return current;
}

/**
 * Makes functions the SDK wrapped (event listeners, timers, …) report their original's source
 * from `toString()`, so that code which inspects functions keeps working.
 */
export function functionToStringIntegration(): Integration {
  return {
    name: NAME,
    setupOnce() {
      if (installed) return;
      nativeToString = functionPrototype.toString;
      // Called with anything as `this`: the native method throws the same TypeError for non-functions.
      const patched = function toString(this: unknown, ...args: unknown[]): string {
        return nativeToString.apply(unwrap(this), args);
      };
      try {
        functionPrototype.toString = patched;
        markFunctionWrapped(patched, nativeToString);
        installed = true;
      } catch {
        DEBUG_BUILD && debug.warn(`${NAME}: Function.prototype.toString is frozen; wrapped functions show the SDK's source`);
      }
    },
  };
}
