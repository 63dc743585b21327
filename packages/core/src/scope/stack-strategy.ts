import { isThenable } from '../lib';
import type { AsyncContextStrategy } from './async-context-strategy';
import type { Scope } from './scope';

interface Layer {
  scope: Scope;
  isolationScope: Scope;
}

/**
 * The default strategy: a stack of (current, isolation) scope pairs for synchronous code. A layer is
 * removed when its callback returns or throws; when the callback returns a promise, when that
 * settles, so `await withScope(async () => …)` keeps its scope. Layers are removed by identity, so
 * interleaved async callbacks never leave the stack corrupted. Until such a promise settles, code
 * that runs outside the callback also sees its scope: runtimes supply a real strategy for that.
 */
export function createStackStrategy(isolationScope: Scope, scope: Scope): AsyncContextStrategy {
  const root: Layer = { scope, isolationScope };
  const stack: Layer[] = [root];
  const top = (): Layer => stack[stack.length - 1] ?? root;

  const remove = (layer: Layer): void => {
    const index = stack.lastIndexOf(layer);
    if (index > 0) stack.splice(index, 1);
  };

  const run = <T>(layer: Layer, callback: (scope: Scope) => T, argument: Scope): T => {
    stack.push(layer);
    let result: T;
    try {
      result = callback(argument);
    } catch (error) {
      remove(layer);
      throw error;
    }
    if (!isThenable(result)) {
      remove(layer);
      return result;
    }
    try {
      return result.then(
        (value) => {
          remove(layer);
          return value;
        },
        (error: unknown) => {
          remove(layer);
          throw error;
        },
      ) as T;
    } catch {
      // a thenable whose `then` throws: give it back untouched, without its scope
      remove(layer);
      return result;
    }
  };

  const withSetScope = <T>(scope: Scope, callback: (scope: Scope) => T): T =>
    run({ scope, isolationScope: top().isolationScope }, callback, scope);
  const withSetIsolationScope = <T>(isolationScope: Scope, callback: (scope: Scope) => T): T =>
    run({ scope: top().scope.clone(), isolationScope }, callback, isolationScope);

  return {
    getCurrentScope: () => top().scope,
    getIsolationScope: () => top().isolationScope,
    withScope: (callback) => withSetScope(top().scope.clone(), callback),
    withSetScope,
    withIsolationScope: (callback) => withSetIsolationScope(top().isolationScope.clone(), callback),
    withSetIsolationScope,
  };
}
