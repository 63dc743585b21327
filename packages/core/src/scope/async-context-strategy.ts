import { DEBUG_BUILD, debug } from '../lib';
import { getCarrier, isAsyncContextStrategy } from './carrier';
import { Scope } from './scope';
import { createStackStrategy } from './stack-strategy';

/**
 * How the current and isolation scopes flow through a runtime's async work: a stack in plain
 * synchronous code, AsyncLocalStorage in Node, zone-style wrapping in browsers.
 */
export interface AsyncContextStrategy {
  getCurrentScope(): Scope;
  getIsolationScope(): Scope;
  /** Runs `callback` with a fork of the current scope as current scope. */
  withScope<T>(callback: (scope: Scope) => T): T;
  /** Runs `callback` with `scope` as current scope. */
  withSetScope<T>(scope: Scope, callback: (scope: Scope) => T): T;
  /** Runs `callback` with forks of the isolation and current scopes. */
  withIsolationScope<T>(callback: (isolationScope: Scope) => T): T;
  /** Runs `callback` with `scope` as isolation scope and a fork of the current scope. */
  withSetIsolationScope<T>(scope: Scope, callback: (isolationScope: Scope) => T): T;
}

/** Installs a runtime's strategy for every copy of the SDK in this realm; `undefined` restores the stack default. */
export function setAsyncContextStrategy(strategy: AsyncContextStrategy | undefined): void {
  if (strategy !== undefined && !isAsyncContextStrategy(strategy)) {
    DEBUG_BUILD &&
      debug.warn('setAsyncContextStrategy: the strategy lacks methods of AsyncContextStrategy; ignored');
    return;
  }
  getCarrier().strategy = strategy;
}

/** The strategy in use: the one installed, or the stack default (created on first use). */
export function getAsyncContextStrategy(): AsyncContextStrategy {
  return (getCarrier().strategy ??= createStackStrategy(getDefaultIsolationScope(), getDefaultCurrentScope()));
}

/** The isolation scope outside any `withIsolationScope` (the root a runtime strategy starts from). */
export function getDefaultIsolationScope(): Scope {
  return (getCarrier().defaultIsolationScope ??= new Scope());
}

/** The current scope outside any `withScope` (the root a runtime strategy starts from). */
export function getDefaultCurrentScope(): Scope {
  return (getCarrier().defaultCurrentScope ??= new Scope());
}
