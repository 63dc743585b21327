import { DEBUG_BUILD, debug } from '../lib';
import { getCurrentScope, withScope, type Scope } from '../scope';
import { createNewPropagationContext } from './continue-trace';
import { _getSpanForScope, _setSpanForScope, _setTracingSuppressed } from './span-for-scope';
import type { Span } from './types';

/** The span active in the current scope, if any. */
export function getActiveSpan(): Span | undefined {
  return _getSpanForScope(getCurrentScope());
}

/** The span active in `scope` (default: the current scope), as the Python SDK's `get_current_span`. */
export function getCurrentSpan(scope?: Scope): Span | undefined {
  return _getSpanForScope(scope ?? getCurrentScope());
}

function runInFork<T>(caller: string, callback: unknown, prepare: (scope: Scope) => void): T {
  if (typeof callback !== 'function') {
    DEBUG_BUILD && debug.warn(`${caller}: the callback must be a function; nothing was run`);
    return undefined as T;
  }
  return withScope((scope) => {
    prepare(scope);
    return (callback as (scope: Scope) => T)(scope);
  });
}

/**
 * Runs `callback` with `span` as the active span (`null`: with no active span, so spans started
 * inside become roots) in a fork of the current scope.
 */
export function withActiveSpan<T>(span: Span | null, callback: (scope: Scope) => T): T {
  return runInFork('withActiveSpan', callback, (scope) => _setSpanForScope(scope, span ?? undefined));
}

/** Runs `callback` with tracing suppressed: no spans are recorded and no trace headers are added (e.g. for the SDK's own requests). */
export function suppressTracing<T>(callback: () => T): T {
  return runInFork('suppressTracing', callback, (scope) => _setTracingSuppressed(scope, true));
}

/** Runs `callback` in a brand-new trace: new trace id and `sample_rand`, no active span (protocol.md §7.6). */
export function startNewTrace<T>(callback: () => T): T {
  return runInFork('startNewTrace', callback, (scope) => {
    scope.setPropagationContext(createNewPropagationContext());
    _setSpanForScope(scope, undefined);
  });
}
