import { DEBUG_BUILD, debug } from '../lib';
import type { Client } from '../types';
import {
  getAsyncContextStrategy,
  getDefaultCurrentScope,
  getDefaultIsolationScope,
} from './async-context-strategy';
import { getCarrier } from './carrier';
import { isScopeLike } from './is-scope-like';
import { Scope } from './scope';

type ScopeCallback<T> = (scope: Scope) => T;

/** The scope of the whole process or page; its data goes on every event. */
export function getGlobalScope(): Scope {
  const carrier = getCarrier();
  return (carrier.globalScope ??= new Scope());
}

/** The scope of the current request or user session (per `withIsolationScope`). */
export function getIsolationScope(): Scope {
  try {
    return getAsyncContextStrategy().getIsolationScope();
  } catch {
    return getDefaultIsolationScope(); // a runtime strategy that failed must not break the caller
  }
}

/** The innermost scope: the one `withScope` forked, or the default. */
export function getCurrentScope(): Scope {
  try {
    return getAsyncContextStrategy().getCurrentScope();
  } catch {
    return getDefaultCurrentScope();
  }
}

/**
 * Runs `callback` with a fork of the current scope (or with `scope` itself) as current scope and
 * returns what it returns. Changes made inside never reach the outer scope.
 * @example withScope((scope) => { scope.setTag('step', 'import'); captureException(error); });
 */
export function withScope<T>(callback: ScopeCallback<T>): T;
export function withScope<T>(scope: Scope | undefined, callback: ScopeCallback<T>): T;
export function withScope<T>(...args: [ScopeCallback<T>] | [Scope | undefined, ScopeCallback<T>]): T {
  const strategy = getAsyncContextStrategy();
  const [scope, callback] = args.length === 2 ? args : [undefined, args[0]];
  if (typeof callback !== 'function') {
    DEBUG_BUILD && debug.warn('withScope: the callback must be a function; nothing was run');
    return undefined as T;
  }
  if (scope === undefined || scope === null) return strategy.withScope(callback);
  if (!isScopeLike(scope)) {
    DEBUG_BUILD &&
      debug.warn('withScope: the scope argument is not a Scope; a fork of the current scope is used');
    return strategy.withScope(callback);
  }
  return strategy.withSetScope(scope, callback);
}

/**
 * Runs `callback` with forks of the isolation and current scopes (or with `scope` as isolation
 * scope), as for one request or job, and returns what it returns.
 */
export function withIsolationScope<T>(callback: ScopeCallback<T>): T;
export function withIsolationScope<T>(scope: Scope | undefined, callback: ScopeCallback<T>): T;
export function withIsolationScope<T>(
  ...args: [ScopeCallback<T>] | [Scope | undefined, ScopeCallback<T>]
): T {
  const strategy = getAsyncContextStrategy();
  const [scope, callback] = args.length === 2 ? args : [undefined, args[0]];
  if (typeof callback !== 'function') {
    DEBUG_BUILD && debug.warn('withIsolationScope: the callback must be a function; nothing was run');
    return undefined as T;
  }
  if (scope === undefined || scope === null) return strategy.withIsolationScope(callback);
  if (!isScopeLike(scope)) {
    DEBUG_BUILD && debug.warn('withIsolationScope: the scope argument is not a Scope; a fork is used');
    return strategy.withIsolationScope(callback);
  }
  return strategy.withSetIsolationScope(scope, callback);
}

/** The client in use: the current scope's, else the isolation scope's, else the global scope's. */
export function getClient<C extends Client = Client>(): C | undefined {
  return (
    getCurrentScope().getClient<C>() ?? getIsolationScope().getClient<C>() ?? getGlobalScope().getClient<C>()
  );
}
