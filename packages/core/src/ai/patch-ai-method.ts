import { DEBUG_BUILD, debug, readProperty } from '../lib';
import { getOriginalFunction } from '../integrations';
import type { AiMethodSpec } from './ai-method-spec';
import type { AiRecordingOptions } from './recording-options';
import { wrapAiMethod } from './wrap-ai-method';

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/** The object at `path` below `root` (`['chat', 'completions']`), if every step is an object. */
export function walkPath(root: unknown, path: readonly string[]): object | undefined {
  let current: unknown = root;
  for (const key of path) current = readProperty(current, key);
  return current !== null && (typeof current === 'object' || typeof current === 'function')
    ? current
    : undefined;
}

/**
 * Replaces `target[key]` (an instance's or a prototype's method) by its instrumented wrapper. A
 * method the SDK wrapped further up the prototype chain is unwrapped first, so an instance wrapped
 * by hand keeps its own options and records each call once; a second call on the same target does nothing.
 */
export function patchAiMethod(
  target: object | undefined,
  key: string,
  spec: AiMethodSpec,
  options: AiRecordingOptions,
): boolean {
  const current = readProperty(target, key);
  if (!target || typeof current !== 'function') return false;
  if (Object.prototype.hasOwnProperty.call(target, key) && getOriginalFunction(current as AnyFunction))
    return true;
  const original = getOriginalFunction(current as AnyFunction) ?? (current as AnyFunction);
  try {
    (target as Record<string, unknown>)[key] = wrapAiMethod(original, spec, options);
    return true;
  } catch (error) {
    DEBUG_BUILD && debug.warn(`AI instrumentation: could not wrap ${key}`, error);
    return false;
  }
}
