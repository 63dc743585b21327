import { AsyncLocalStorage } from 'node:async_hooks';
import { setAsyncContextStrategy, type AsyncContextStrategy, type Scope } from '@sentry-sdk/core';
import {
  getAsyncContextStrategy,
  getDefaultCurrentScope,
  getDefaultIsolationScope,
} from '@sentry-sdk/core/internal';

/** The pair of scopes active in one async context. */
interface ScopePair {
  scope: Scope;
  isolationScope: Scope;
}

/**
 * A context strategy on `AsyncLocalStorage`: the scopes that `withScope`/`withIsolationScope` set
 * follow every async continuation started inside the callback (promises, timers, `nextTick`,
 * event-emitter and stream callbacks scheduled there), so concurrent requests never share them.
 */
export function createAsyncLocalStorageStrategy(): AsyncContextStrategy {
  const storage = new AsyncLocalStorage<ScopePair>();
  const current = (): ScopePair =>
    storage.getStore() ?? { scope: getDefaultCurrentScope(), isolationScope: getDefaultIsolationScope() };

  return {
    getCurrentScope: () => current().scope,
    getIsolationScope: () => current().isolationScope,
    withScope(callback) {
      const { scope, isolationScope } = current();
      const forked = scope.clone();
      return storage.run({ scope: forked, isolationScope }, () => callback(forked));
    },
    withSetScope(scope, callback) {
      return storage.run({ scope, isolationScope: current().isolationScope }, () => callback(scope));
    },
    withIsolationScope(callback) {
      const { scope, isolationScope } = current();
      const forked = isolationScope.clone();
      return storage.run({ scope: scope.clone(), isolationScope: forked }, () => callback(forked));
    },
    withSetIsolationScope(isolationScope, callback) {
      return storage.run({ scope: current().scope.clone(), isolationScope }, () => callback(isolationScope));
    },
  };
}

let installed: AsyncContextStrategy | undefined;

/**
 * Makes every copy of the SDK in this process use an AsyncLocalStorage strategy. A second `init`
 * keeps the strategy in place, so contexts already running keep their scopes.
 */
export function setNodeAsyncContextStrategy(): void {
  if (installed && getAsyncContextStrategy() === installed) return;
  installed = createAsyncLocalStorageStrategy();
  setAsyncContextStrategy(installed);
}
