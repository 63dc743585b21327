import { describe, expect, it } from 'vitest';
import { functionToStringIntegration, getOriginalFunction, markFunctionWrapped } from './function-to-string';

function userHandler(event: string): string {
  return `handled ${event}`;
}

// A property view of the prototype; the native method is read before any test installs the patch.
const functionPrototype = Function.prototype as unknown as { toString: (this: unknown) => string };
const nativeToString = functionPrototype.toString;

const sdkWrapper = (...args: [string]): string => userHandler(...args);

describe('functionToStringIntegration', () => {
  it('shows the original source for wrapped functions once installed', () => {
    markFunctionWrapped(sdkWrapper, userHandler);
    functionToStringIntegration().setupOnce!();
    expect(sdkWrapper.toString()).toBe(userHandler.toString());
    expect(String(sdkWrapper)).toContain('handled ${event}');
    expect(functionPrototype.toString.call(sdkWrapper)).toContain('function userHandler');
  });

  it('leaves functions the SDK did not wrap alone', () => {
    functionToStringIntegration().setupOnce!();
    const plain = (a: number): number => a + 1;
    class Shape {}
    expect(functionPrototype.toString).not.toBe(nativeToString);
    for (const fn of [plain, Math.max, Shape, userHandler]) {
      expect(fn.toString()).toBe(nativeToString.call(fn));
    }
    expect(Math.max.toString()).toBe('function max() { [native code] }');
  });

  it('still throws a TypeError for non-functions, like the native method', () => {
    functionToStringIntegration().setupOnce!();
    for (const value of [{}, null, undefined, 1, 'f', Symbol('s')]) {
      expect(() => functionPrototype.toString.call(value)).toThrow(TypeError);
    }
  });

  it('installs the patch once, however often it is set up, and looks native itself', () => {
    functionToStringIntegration().setupOnce!();
    const patched = functionPrototype.toString;
    functionToStringIntegration().setupOnce!();
    expect(functionPrototype.toString).toBe(patched);
    expect(patched.toString()).toBe('function toString() { [native code] }');
    expect(Object.getOwnPropertyDescriptor(Function.prototype, 'toString')?.enumerable).toBe(false);
  });

  it('resolves wrappers of wrappers to the innermost original and survives cycles of marks', () => {
    functionToStringIntegration().setupOnce!();
    const outer = (): string => sdkWrapper('x');
    markFunctionWrapped(outer, sdkWrapper);
    expect(outer.toString()).toBe(userHandler.toString());
    const a = (): number => 1;
    const b = (): number => 2;
    markFunctionWrapped(a, b);
    markFunctionWrapped(b, a);
    expect(() => a.toString()).not.toThrow();
  });

  it('keeps the original in a WeakMap, never on the function', () => {
    const wrapper = (): void => undefined;
    const original = (): void => undefined;
    const keysBefore = Reflect.ownKeys(wrapper);
    markFunctionWrapped(wrapper, original);
    expect(getOriginalFunction(wrapper)).toBe(original);
    expect(Reflect.ownKeys(wrapper)).toEqual(keysBefore);
    expect(Reflect.ownKeys(original)).toEqual(keysBefore);
    expect(getOriginalFunction(original)).toBeUndefined();
    expect(getOriginalFunction({} as never)).toBeUndefined();
  });

  it('ignores marks that are not functions', () => {
    const wrapper = (): void => undefined;
    markFunctionWrapped(wrapper, 'nope' as never);
    markFunctionWrapped(wrapper, wrapper);
    expect(getOriginalFunction(wrapper)).toBeUndefined();
  });
});
