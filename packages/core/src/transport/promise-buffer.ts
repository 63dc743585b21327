import { type TimerGlobals, timers } from './timers';

/** A bounded set of tasks in flight (the transport's send queue). */
export interface PromiseBuffer<T> {
  /** Starts the task unless the buffer is full; `undefined` when it is full (the task is not started). */
  add(task: () => PromiseLike<T>): Promise<T> | undefined;
  /** Resolves true once every task in flight (including ones added meanwhile) settled within `timeout` ms. */
  drain(timeout?: number): Promise<boolean>;
  /** Tasks in flight. */
  size(): number;
}

/** Creates a buffer that holds at most `limit` tasks in flight. */
export function createPromiseBuffer<T>(limit: number, globals: TimerGlobals = timers): PromiseBuffer<T> {
  const inFlight = new Set<Promise<T>>();

  const add = (task: () => PromiseLike<T>): Promise<T> | undefined => {
    if (inFlight.size >= limit) return undefined;
    // a task that throws synchronously becomes a rejected promise
    const promise = new Promise<T>((resolve) => resolve(task()));
    inFlight.add(promise);
    const remove = (): void => {
      inFlight.delete(promise);
    };
    promise.then(remove, remove);
    return promise;
  };

  const settleAll = async (): Promise<true> => {
    while (inFlight.size > 0) {
      await Promise.allSettled([...inFlight]);
    }
    return true;
  };

  const drain = (timeout?: number): Promise<boolean> => {
    if (inFlight.size === 0) return Promise.resolve(true);
    // past 2^31 - 1 ms a timer fires at once: such a timeout is no limit
    if (timeout === undefined || timeout >= 2_147_483_647) return settleAll();
    if (!(timeout > 0)) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const timer = globals.setTimeout(() => resolve(false), timeout);
      void settleAll().then(() => {
        globals.clearTimeout(timer);
        resolve(true);
      });
    });
  };

  return { add, drain, size: () => inFlight.size };
}
