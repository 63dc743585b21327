import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CARRIER_KEY, getCarrier } from './carrier';
import type * as ScopeIndex from './index';

type ScopeModule = typeof ScopeIndex;

function resetCarrier(): void {
  delete (globalThis as Record<symbol, unknown>)[CARRIER_KEY];
}

async function loadFreshCopy(): Promise<ScopeModule> {
  vi.resetModules();
  return import('./index');
}

describe('carrier', () => {
  beforeEach(resetCarrier);
  afterEach(resetCarrier);

  it('lives in one Symbol.for slot of globalThis', () => {
    const carrier = getCarrier();
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('sentry-sdk.carrier.v1')]).toBe(carrier);
    expect(getCarrier()).toBe(carrier);
  });

  it('is shared by two copies of the SDK loaded in the same realm', async () => {
    const first = await loadFreshCopy();
    const second = await loadFreshCopy();
    expect(first.Scope).not.toBe(second.Scope);

    expect(second.getGlobalScope()).toBe(first.getGlobalScope());
    first.getIsolationScope().setTag('from', 'first');
    expect(second.getIsolationScope().getScopeData().tags).toEqual({ from: 'first' });

    first.withScope((scope) => {
      scope.setTag('inner', 'yes');
      expect(second.getCurrentScope()).toBe(scope);
      const data = second.getCombinedScopeData(second.getIsolationScope(), second.getCurrentScope());
      expect(data.tags).toEqual({ from: 'first', inner: 'yes' });
    });
    expect(second.getCurrentScope().getScopeData().tags).toEqual({});
  });

  it('lets a scope of one copy update a scope of the other', async () => {
    const first = await loadFreshCopy();
    const second = await loadFreshCopy();
    const scope = new first.Scope().update(new second.Scope().setTag('a', '1'));
    expect(scope.getScopeData().tags).toEqual({ a: '1' });
  });

  it('keeps to a private carrier when the slot holds something else', async () => {
    const foreign = { globalScope: 'not a scope' };
    (globalThis as Record<symbol, unknown>)[CARRIER_KEY] = foreign;
    const copy = await loadFreshCopy();
    const global = copy.getGlobalScope();
    expect(global.setTag('a', '1').getScopeData().tags).toEqual({ a: '1' });
    expect(copy.getGlobalScope()).toBe(global);
    expect(foreign).toEqual({ globalScope: 'not a scope' });
  });
});
