import { DEBUG_BUILD, debug, isThenable } from '../lib';
import { getCurrentScope, withScope, type Scope } from '../scope';
import { createSpan } from './create-span';
import { NonRecordingSpan } from './non-recording-span';
import { readStartSpanOptions } from './read-start-span-options';
import { _setSpanForScope } from './span-for-scope';
import type { Span, StartSpanOptions } from './types';

/** Runs `callback` in a fork of the scope `options.scope` names (or of the current scope). */
function withForkedScope<T>(scope: Scope | undefined, callback: (scope: Scope) => T): T {
  return scope ? withScope(scope.clone(), callback) : withScope(callback);
}

/** Calls `callback`; on a throw or rejection marks the span `internal_error` and calls `onDone` as well. */
function runWithSpan<T>(span: Span, callback: () => T, onDone: () => void): T {
  const fail = (): void => {
    span.setStatus('internal_error');
    onDone();
  };
  let result: T;
  try {
    result = callback();
  } catch (error) {
    fail();
    throw error;
  }
  if (!isThenable(result)) {
    onDone();
    return result;
  }
  try {
    return result.then(
      (value) => {
        onDone();
        return value;
      },
      (error: unknown) => {
        fail();
        throw error;
      },
    ) as T;
  } catch {
    onDone(); // a thenable whose `then` throws: end now, hand it back untouched
    return result;
  }
}

/** Starts a span made active in a fork of the scope and runs `run` with it; ends it afterwards when `autoEnd`. */
function runInActiveSpan<T>(
  caller: string,
  options: StartSpanOptions,
  callback: unknown,
  run: (span: Span) => T,
  autoEnd: boolean,
): T {
  if (typeof callback !== 'function') {
    DEBUG_BUILD && debug.warn(`${caller}: the callback must be a function; nothing was run`);
    return undefined as T;
  }
  const { scope: base, ...spanOptions } = readStartSpanOptions(options, caller);
  return withForkedScope(base, (scope) => {
    const span = createSpan(spanOptions, scope);
    _setSpanForScope(scope, span);
    return runWithSpan(
      span,
      () => run(span),
      () => autoEnd && span.end(),
    );
  });
}

/**
 * Starts a span, makes it the active span while `callback` runs, and ends it when the callback
 * returns or the promise it returns settles. A throw or rejection sets the status
 * `internal_error` and is re-thrown. Returns what the callback returns.
 * @example const user = await startSpan({ name: 'load user', op: 'db.query' }, () => db.findUser(id));
 */
export function startSpan<T>(options: StartSpanOptions, callback: (span: Span) => T): T {
  return runInActiveSpan('startSpan', options, callback, callback, true);
}

/**
 * Like `startSpan`, but the span is not ended for you: call `span.end()` or `finish()` when the
 * work is done (a throw or rejection still sets `internal_error`).
 */
export function startSpanManual<T>(
  options: StartSpanOptions,
  callback: (span: Span, finish: () => void) => T,
): T {
  const run = (span: Span): T => callback(span, () => span.end());
  return runInActiveSpan('startSpanManual', options, callback, run, false);
}

/** Starts a span that is not made active (children must name it as `parentSpan`); end it yourself. */
export function startInactiveSpan(options: StartSpanOptions): Span {
  const { scope, ...spanOptions } = readStartSpanOptions(options, 'startInactiveSpan');
  try {
    return createSpan(spanOptions, scope ?? getCurrentScope());
  } catch (error) {
    DEBUG_BUILD && debug.error('startInactiveSpan failed; a span that records nothing is returned', error);
    return new NonRecordingSpan();
  }
}
