import { describe, expect, it } from 'vitest';
import { createPromiseBuffer } from './promise-buffer';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createPromiseBuffer', () => {
  it('refuses tasks beyond its limit without starting them, and takes new ones once one settled', async () => {
    const buffer = createPromiseBuffer<void>(2);
    const first = deferred();
    let started = 0;
    const task = (d = deferred()) => () => (started++, d.promise);
    const running = buffer.add(task(first));
    expect(running).toBeInstanceOf(Promise);
    expect(buffer.add(task())).toBeInstanceOf(Promise);
    expect(buffer.add(task())).toBeUndefined();
    expect(started).toBe(2);
    first.resolve();
    await running;
    expect(buffer.size()).toBe(1);
    expect(buffer.add(task())).toBeInstanceOf(Promise);
  });

  it('drains to true only when everything, including tasks added meanwhile, settled in time', async () => {
    const buffer = createPromiseBuffer<void>(5);
    const a = deferred();
    const b = deferred();
    void buffer.add(() => a.promise);
    expect(await buffer.drain(20)).toBe(false);
    const drained = buffer.drain(1_000);
    void buffer.add(() => b.promise);
    a.resolve();
    setTimeout(b.resolve, 30);
    expect(await drained).toBe(true);
    expect(buffer.size()).toBe(0);
  });

  it('counts a task that throws or rejects as settled', async () => {
    const buffer = createPromiseBuffer<void>(1);
    const thrown = buffer.add(() => {
      throw new Error('sync');
    });
    await expect(thrown).rejects.toThrow('sync');
    await expect(buffer.add(() => Promise.reject(new Error('async')))).rejects.toThrow('async');
    expect(await buffer.drain(10)).toBe(true);
  });
});
