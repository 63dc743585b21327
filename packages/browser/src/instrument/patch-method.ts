import { markFunctionWrapped } from '@sentry-sdk/core/internal';

type AnyFunction = (...args: any[]) => any;

/**
 * Replaces `target[key]` with `makeWrapper(original)`, marked so that `toString` shows the original.
 * Does nothing when the property is not a function or cannot be written (frozen objects).
 */
export function patchMethod(
  target: object,
  key: string,
  makeWrapper: (original: AnyFunction) => AnyFunction,
): void {
  const record = target as Record<string, unknown>;
  const original = record[key];
  if (typeof original !== 'function') return;
  const wrapper = makeWrapper(original as AnyFunction);
  try {
    record[key] = wrapper;
    markFunctionWrapped(wrapper, original as AnyFunction);
  } catch {
    // a frozen object keeps its method; that source is then simply not instrumented
  }
}
