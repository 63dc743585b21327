/** Timer handle as the runtimes return it: a number in browsers, an object with `unref` in Node. */
export type TimerHandle = number | { unref?(): unknown };

/** The timer functions every runtime has; core's ES2020 lib has no types for them. */
export interface TimerGlobals {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  setInterval(callback: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle | undefined): void;
}

/**
 * The global timers. Each call reads the function off `globalThis` then, so that test clocks which
 * replace them are honoured.
 */
export const timers = globalThis as unknown as TimerGlobals;

/** Lets the process exit while only this timer is pending (Node); a no-op elsewhere. */
export function unrefTimer(handle: TimerHandle): TimerHandle {
  if (typeof handle === 'object' && handle !== null && typeof handle.unref === 'function') handle.unref();
  return handle;
}
