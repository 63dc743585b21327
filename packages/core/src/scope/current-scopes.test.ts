import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from '../types';
import { setAsyncContextStrategy } from './async-context-strategy';
import { CARRIER_KEY } from './carrier';
import {
  getClient,
  getCurrentScope,
  getGlobalScope,
  getIsolationScope,
  withIsolationScope,
  withScope,
} from './current-scopes';
import { getCombinedScopeData } from './merge-scope-data';
import { Scope } from './scope';

function resetCarrier(): void {
  delete (globalThis as Record<symbol, unknown>)[CARRIER_KEY];
}

const tagsOf = (scope: Scope): Record<string, string> => scope.getScopeData().tags;
const combinedTags = (): Record<string, string> =>
  getCombinedScopeData(getIsolationScope(), getCurrentScope()).tags;

describe('scope levels', () => {
  beforeEach(resetCarrier);
  afterEach(resetCarrier);

  it('has one global scope, distinct from the default isolation and current scopes', () => {
    expect(getGlobalScope()).toBe(getGlobalScope());
    expect(getGlobalScope()).not.toBe(getIsolationScope());
    expect(getIsolationScope()).not.toBe(getCurrentScope());
    expect(getGlobalScope()).toBeInstanceOf(Scope);
  });

  it('runs withScope with a fork of the current scope and returns the callback value', () => {
    const outer = getCurrentScope().setTag('outer', '1');
    const result = withScope((scope) => {
      expect(scope).not.toBe(outer);
      expect(getCurrentScope()).toBe(scope);
      expect(tagsOf(scope)).toEqual({ outer: '1' });
      scope.setTag('inner', '1');
      return 'done';
    });
    expect(result).toBe('done');
    expect(getCurrentScope()).toBe(outer);
    expect(tagsOf(outer)).toEqual({ outer: '1' });
  });

  it('does not leak tags set inside nested withScope calls', () => {
    withScope((a) => {
      a.setTag('a', '1');
      withScope((b) => {
        b.setTag('b', '1');
        expect(combinedTags()).toEqual({ a: '1', b: '1' });
      });
      expect(combinedTags()).toEqual({ a: '1' });
    });
    expect(combinedTags()).toEqual({});
  });

  it('forks isolation and current scope in withIsolationScope', () => {
    const isolation = getIsolationScope().setTag('iso', 'outer');
    const current = getCurrentScope().setTag('cur', 'outer');
    withIsolationScope((iso) => {
      expect(iso).toBe(getIsolationScope());
      expect(iso).not.toBe(isolation);
      expect(getCurrentScope()).not.toBe(current);
      iso.setTag('iso', 'inner');
      getCurrentScope().setTag('cur', 'inner');
      expect(combinedTags()).toEqual({ iso: 'inner', cur: 'inner' });
    });
    expect(getIsolationScope()).toBe(isolation);
    expect(getCurrentScope()).toBe(current);
    expect(combinedTags()).toEqual({ iso: 'outer', cur: 'outer' });
  });

  it('merges global → isolation → current, the innermost winning', () => {
    getGlobalScope()
      .setTag('who', 'global')
      .setTag('g', '1')
      .setLevel('info')
      .addBreadcrumb({ message: 'g' });
    withIsolationScope((iso) => {
      iso.setTag('who', 'isolation').setTag('i', '1').addBreadcrumb({ message: 'i' });
      withScope((cur) => {
        cur.setTag('who', 'current').setLevel('fatal').addBreadcrumb({ message: 'c' });
        const data = getCombinedScopeData(getIsolationScope(), getCurrentScope());
        expect(data.tags).toEqual({ who: 'current', g: '1', i: '1' });
        expect(data.level).toBe('fatal');
        expect(data.breadcrumbs.map((b) => b.message)).toEqual(['g', 'i', 'c']);
        expect(data.propagationContext).toEqual(cur.getPropagationContext());
      });
    });
  });

  it('uses a given scope as is with withScope(scope, cb) and withIsolationScope(scope, cb)', () => {
    const mine = new Scope().setTag('mine', '1');
    withScope(mine, (scope) => {
      expect(scope).toBe(mine);
      expect(getCurrentScope()).toBe(mine);
    });
    withIsolationScope(mine, (iso) => {
      expect(iso).toBe(mine);
      expect(getIsolationScope()).toBe(mine);
    });
    expect(getCurrentScope()).not.toBe(mine);
    expect(getIsolationScope()).not.toBe(mine);
  });

  it('forks when withScope is given undefined as scope', () => {
    const outer = getCurrentScope();
    withScope(undefined, (scope) => expect(scope).not.toBe(outer));
  });

  it('returns undefined and throws nothing when the callback is not a function', () => {
    const call = withScope as (...args: unknown[]) => unknown;
    const callIsolation = withIsolationScope as (...args: unknown[]) => unknown;
    expect(call(42)).toBeUndefined();
    expect(call(new Scope(), null)).toBeUndefined();
    expect(callIsolation('x')).toBeUndefined();
    expect(call({ not: 'a scope' }, () => 'ran with a fork')).toBe('ran with a fork');
  });

  it('lets an error of the callback reach the caller and restores the scopes', () => {
    const current = getCurrentScope();
    const isolation = getIsolationScope();
    expect(() =>
      withIsolationScope(() =>
        withScope(() => {
          throw new Error('user error');
        }),
      ),
    ).toThrow('user error');
    expect(getCurrentScope()).toBe(current);
    expect(getIsolationScope()).toBe(isolation);
  });

  it('finds the client on the current scope, else the isolation scope, else the global scope', () => {
    const global = { name: 'global' } as unknown as Client;
    const isolation = { name: 'isolation' } as unknown as Client;
    const current = { name: 'current' } as unknown as Client;
    expect(getClient()).toBeUndefined();
    getGlobalScope().setClient(global);
    expect(getClient()).toBe(global);
    withIsolationScope((iso) => {
      iso.setClient(isolation);
      expect(getClient()).toBe(isolation);
      withScope((scope) => {
        scope.setClient(current);
        expect(getClient()).toBe(current);
      });
    });
  });

  it('asks an installed strategy for the scopes, and falls back when it throws', () => {
    const fixed = new Scope();
    const broken = {
      getCurrentScope: () => {
        throw new Error('broken strategy');
      },
      getIsolationScope: () => fixed,
      withScope: <T>(cb: (scope: Scope) => T): T => cb(fixed),
      withSetScope: <T>(_scope: Scope, cb: (scope: Scope) => T): T => cb(fixed),
      withIsolationScope: <T>(cb: (scope: Scope) => T): T => cb(fixed),
      withSetIsolationScope: <T>(_scope: Scope, cb: (scope: Scope) => T): T => cb(fixed),
    };
    setAsyncContextStrategy(broken);
    expect(getIsolationScope()).toBe(fixed);
    expect(getCurrentScope()).toBeInstanceOf(Scope);
    expect(withScope((scope) => scope)).toBe(fixed);
    setAsyncContextStrategy(undefined);
    expect(getIsolationScope()).not.toBe(fixed);
  });

  it('ignores a strategy that lacks methods', () => {
    const before = getCurrentScope();
    setAsyncContextStrategy({ getCurrentScope: () => new Scope() } as never);
    expect(getCurrentScope()).toBe(before);
  });
});
