import type { AsyncContextStrategy, Scope } from '@sentry-sdk/core';
import { getDefaultCurrentScope, getDefaultIsolationScope, isThenable } from '@sentry-sdk/core/internal';

/** The current and isolation scope that a callback runs with. */
export interface ScopePair {
  scope: Scope;
  isolationScope: Scope;
}

/** The zone-style strategy, plus what the patched scheduling APIs need from it. */
export interface ZoneStrategy extends AsyncContextStrategy {
  /** The pair in effect now (the same object for as long as it is in effect: capture it freely). */
  capture(): ScopePair;
  /** Calls `fn` on `self` with `args` while `pair` is current; restores the previous pair after. */
  runWith<T>(pair: ScopePair, fn: (...args: any[]) => T, self: unknown, args: ArrayLike<unknown>): T;
}

/** A `withScope` whose callback returned a promise that has not settled yet. */
interface PendingLayer {
  pair: ScopePair;
  /** False during the synchronous turn that started it, so that code after the call does not see it. */
  visible: boolean;
}

type QueueMicrotask = (callback: () => void) => void;

/**
 * The browser's async context strategy (Zone-style): a stack of scope pairs for synchronous code, and
 * callbacks that the patched scheduling APIs bind to the pair current when they were scheduled
 * (`capture` + `runWith`). A native `await` cannot be patched, so a `withScope` whose callback
 * returns a promise keeps its pair "pending" until the promise settles: code that runs outside any
 * bound callback (the continuation after an `await`) sees the most recently started pending pair.
 * That pair becomes visible one microtask after it started (queued before the callback runs, so
 * before any of its continuations), which keeps it from leaking into the caller's own next lines.
 */
export function createZoneStrategy(queueMicrotask: QueueMicrotask | undefined): ZoneStrategy {
  const stack: ScopePair[] = [];
  const pending: PendingLayer[] = [];
  let root: ScopePair | undefined;
  let revealQueued = false;

  const rootPair = (): ScopePair =>
    (root ??= { scope: getDefaultCurrentScope(), isolationScope: getDefaultIsolationScope() });

  const capture = (): ScopePair => {
    const top = stack[stack.length - 1];
    if (top) return top;
    for (let i = pending.length - 1; i >= 0; i--) {
      const layer = pending[i]!;
      if (layer.visible) return layer.pair;
    }
    return rootPair();
  };

  function runWith<T>(
    pair: ScopePair,
    fn: (...args: any[]) => T,
    self: unknown,
    args: ArrayLike<unknown>,
  ): T {
    const depth = stack.length;
    stack.push(pair);
    try {
      // Reflect.apply: a callback's own `apply` property (or a trap reading it) is never consulted
      return Reflect.apply(fn, self, args as unknown[]);
    } finally {
      stack.length = depth;
    }
  }

  const revealPending = (): void => {
    revealQueued = false;
    for (const layer of pending) layer.visible = true;
  };

  function enter<T>(pair: ScopePair, callback: (scope: Scope) => T, argument: Scope): T {
    if (!revealQueued && queueMicrotask) {
      revealQueued = true;
      queueMicrotask(revealPending);
    }
    const result = runWith(pair, callback, undefined, [argument]);
    if (!isThenable(result)) return result;
    const layer: PendingLayer = { pair, visible: !queueMicrotask };
    pending.push(layer);
    const remove = (): void => {
      const index = pending.lastIndexOf(layer);
      if (index >= 0) pending.splice(index, 1);
    };
    try {
      return result.then(
        (value) => {
          remove();
          return value;
        },
        (error: unknown) => {
          remove();
          throw error;
        },
      ) as T;
    } catch {
      // a thenable whose `then` throws: give it back untouched, without a pending scope
      remove();
      return result;
    }
  }

  const withSetScope = <T>(scope: Scope, callback: (scope: Scope) => T): T =>
    enter({ scope, isolationScope: capture().isolationScope }, callback, scope);
  const withSetIsolationScope = <T>(isolationScope: Scope, callback: (scope: Scope) => T): T =>
    enter({ scope: capture().scope.clone(), isolationScope }, callback, isolationScope);

  return {
    capture,
    runWith,
    getCurrentScope: () => capture().scope,
    getIsolationScope: () => capture().isolationScope,
    withScope: (callback) => withSetScope(capture().scope.clone(), callback),
    withSetScope,
    withIsolationScope: (callback) => withSetIsolationScope(capture().isolationScope.clone(), callback),
    withSetIsolationScope,
  };
}
