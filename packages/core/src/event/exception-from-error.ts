import { attempt, readProperty } from '../lib';
import type { Exception, StackFrame, StackParser } from '../types';
import { getClassName } from './inspect';

/** Frames of a stack string, oldest first as the parser returns them; none when the parser fails. */
export function parseStackFrames(stackParser: StackParser, stack: unknown, skipFirstLines = 0): StackFrame[] {
  if (typeof stack !== 'string' || !stack || typeof stackParser !== 'function') return [];
  const frames = attempt(() => stackParser(stack, skipFirstLines));
  return Array.isArray(frames) ? frames : [];
}

/**
 * The exception entry for an Error (any realm): type from `name` (or the class), value from
 * `message`, frames from `stack`. Getters that throw are treated as missing.
 */
export function exceptionFromError(stackParser: StackParser, error: Error): Exception {
  const name = readProperty(error, 'name');
  const message = readProperty(error, 'message');
  const type =
    typeof name === 'string' && name
      ? name
      : error && typeof error === 'object'
        ? getClassName(error)
        : undefined;
  const exception: Exception = { type: type ?? 'Error' };
  if (typeof message === 'string' && message) exception.value = message;
  const frames = parseStackFrames(stackParser, readProperty(error, 'stack'));
  if (frames.length) exception.stacktrace = { frames };
  return exception;
}
