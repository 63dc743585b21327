import { describe, expect, it } from 'vitest';
import { Scope } from './scope';
import { createStackStrategy } from './stack-strategy';

function newStrategy(): {
  strategy: ReturnType<typeof createStackStrategy>;
  root: Scope;
  rootIsolation: Scope;
} {
  const root = new Scope();
  const rootIsolation = new Scope();
  return { strategy: createStackStrategy(rootIsolation, root), root, rootIsolation };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('createStackStrategy', () => {
  it('restores the scopes after a callback throws, however deep', () => {
    const { strategy, root, rootIsolation } = newStrategy();
    expect(() =>
      strategy.withIsolationScope(() =>
        strategy.withScope(() =>
          strategy.withScope(() => {
            throw new Error('deep');
          }),
        ),
      ),
    ).toThrow('deep');
    expect(strategy.getCurrentScope()).toBe(root);
    expect(strategy.getIsolationScope()).toBe(rootIsolation);
  });

  it('keeps the forked scope for an async callback until its promise settles', async () => {
    const { strategy, root } = newStrategy();
    let inside: Scope | undefined;
    const promise = strategy.withScope(async (scope) => {
      await tick();
      inside = strategy.getCurrentScope();
      return scope;
    });
    const forked = await promise;
    expect(inside).toBe(forked);
    expect(forked).not.toBe(root);
    expect(strategy.getCurrentScope()).toBe(root);
  });

  it('restores the scopes after an async callback rejects, and passes the rejection on', async () => {
    const { strategy, root } = newStrategy();
    const promise = strategy.withScope(async () => {
      await tick();
      throw new Error('async failure');
    });
    await expect(promise).rejects.toThrow('async failure');
    expect(strategy.getCurrentScope()).toBe(root);
  });

  it('is left clean when interleaved async callbacks settle out of order', async () => {
    const { strategy, root } = newStrategy();
    let releaseFirst!: () => void;
    let releaseSecond!: () => void;
    let secondScope: Scope | undefined;
    const first = strategy.withScope(() => new Promise<void>((resolve) => (releaseFirst = resolve)));
    const second = strategy.withScope((scope) => {
      secondScope = scope;
      return new Promise<void>((resolve) => (releaseSecond = resolve));
    });
    releaseFirst();
    await first;
    expect(strategy.getCurrentScope()).toBe(secondScope);
    releaseSecond();
    await second;
    expect(strategy.getCurrentScope()).toBe(root);
    expect(strategy.withScope((scope) => scope)).not.toBe(root);
    expect(strategy.getCurrentScope()).toBe(root);
  });

  it('gives a thenable whose then throws back unchanged and pops its scope', () => {
    const { strategy, root } = newStrategy();
    const hostile = {
      then() {
        throw new Error('then');
      },
    };
    expect(strategy.withScope(() => hostile)).toBe(hostile);
    expect(strategy.getCurrentScope()).toBe(root);
  });

  it('keeps the isolation scope in withScope and forks the current scope in withSetIsolationScope', () => {
    const { strategy, root, rootIsolation } = newStrategy();
    strategy.withScope(() => expect(strategy.getIsolationScope()).toBe(rootIsolation));
    const isolation = new Scope();
    strategy.withSetIsolationScope(isolation, (iso) => {
      expect(iso).toBe(isolation);
      expect(strategy.getCurrentScope()).not.toBe(root);
    });
  });
});
