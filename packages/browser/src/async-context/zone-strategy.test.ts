import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  getCurrentScope,
  getIsolationScope,
  setAsyncContextStrategy,
  withIsolationScope,
  withScope,
} from '@sentry-sdk/core';
import { bindToContext } from './bind-to-context';
import { createZoneStrategy, type ZoneStrategy } from './zone-strategy';

let strategy: ZoneStrategy;

beforeEach(() => {
  strategy = createZoneStrategy((callback) => queueMicrotask(callback));
  setAsyncContextStrategy(strategy);
});
afterEach(() => {
  setAsyncContextStrategy(undefined);
});

const tag = (): unknown => getCurrentScope().getScopeData().tags['step'];
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the zone strategy in synchronous code', () => {
  it('forks the current scope for the callback and restores it after, also when the callback throws', () => {
    const outer = getCurrentScope();
    withScope((scope) => {
      scope.setTag('step', 'one');
      expect(getCurrentScope()).toBe(scope);
      withScope(() => expect(tag()).toBe('one'));
    });
    expect(getCurrentScope()).toBe(outer);
    expect(tag()).toBeUndefined();
    expect(() =>
      withScope(() => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(getCurrentScope()).toBe(outer);
  });

  it('forks the isolation scope in withIsolationScope', () => {
    const outer = getIsolationScope();
    withIsolationScope((isolation) => {
      isolation.setTag('request', 'r1');
      expect(getIsolationScope()).toBe(isolation);
      expect(isolation).not.toBe(outer);
    });
    expect(getIsolationScope()).toBe(outer);
    expect(outer.getScopeData().tags['request']).toBeUndefined();
  });
});

describe('callbacks bound to their context', () => {
  it('run with the scopes current when they were bound, keeping this, arguments and return value', () => {
    const callback = withScope((scope) => {
      scope.setTag('step', 'bound');
      return bindToContext(strategy, function (this: { base: number }, add: number) {
        return { sum: this.base + add, step: tag() };
      });
    });
    expect(tag()).toBeUndefined();
    expect(callback.call({ base: 40 }, 2)).toEqual({ sum: 42, step: 'bound' });
    expect(tag()).toBeUndefined();
  });

  it('are bound once: binding a bound function again returns it', () => {
    const once = bindToContext(strategy, () => tag());
    expect(bindToContext(strategy, once)).toBe(once);
    expect(bindToContext(strategy, 'not a function')).toBe('not a function');
  });

  it('restore the previous scopes when the callback throws', () => {
    const throwing = withScope((scope) => {
      scope.setTag('step', 'throwing');
      return bindToContext(strategy, () => {
        throw new Error('from the callback');
      });
    });
    expect(() => throwing()).toThrow('from the callback');
    expect(tag()).toBeUndefined();
  });
});

describe('a withScope whose callback returns a promise', () => {
  it('is seen after a native await inside it, and no longer once the promise settled', async () => {
    const seen: unknown[] = [];
    const done = withScope(async (scope) => {
      scope.setTag('step', 'async');
      await tick();
      seen.push(tag());
      await Promise.resolve();
      seen.push(tag());
    });
    await done;
    expect(seen).toEqual(['async', 'async']);
    expect(tag()).toBeUndefined();
  });

  it('does not leak into the lines after the call, nor into callbacks they schedule', async () => {
    const done = withScope(async (scope) => {
      scope.setTag('step', 'async');
      await tick();
    });
    const sibling = bindToContext(strategy, () => tag());
    expect(tag()).toBeUndefined();
    await done;
    expect(sibling()).toBeUndefined();
  });

  it('is seen after an await that was already resolved (its continuation comes after the reveal)', async () => {
    let afterAwait: unknown;
    await withScope(async (scope) => {
      scope.setTag('step', 'resolved');
      await Promise.resolve();
      afterAwait = tag();
    });
    expect(afterAwait).toBe('resolved');
  });

  it('keeps the rejection of the promise it returns', async () => {
    await expect(
      withScope(async () => {
        await tick();
        throw new Error('async failure');
      }),
    ).rejects.toThrow('async failure');
    expect(tag()).toBeUndefined();
  });

  it('shows the most recently started scope after an await when two overlap (best effort)', async () => {
    const seenByFirst: unknown[] = [];
    const first = withScope(async (scope) => {
      scope.setTag('step', 'first');
      await tick();
      seenByFirst.push(tag());
      await tick();
      await tick();
    });
    const second = withScope(async (scope) => {
      scope.setTag('step', 'second');
      await tick();
      await tick();
    });
    await Promise.all([first, second]);
    expect(seenByFirst).toEqual(['second']);
  });
});
