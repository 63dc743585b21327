interface TimerGlobal {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const timers = globalThis as unknown as TimerGlobal;

/**
 * Resolves with what `promise` resolves to, or with `fallback` when it rejects or has not settled
 * within `ms` milliseconds (`undefined`: no limit). Never rejects.
 */
export function resolveWithin<T>(promise: PromiseLike<T>, ms: number | undefined, fallback: T): Promise<T> {
  const settled = Promise.resolve(promise).then(
    (value) => value,
    () => fallback,
  );
  if (ms === undefined) return settled;
  return new Promise<T>((resolve) => {
    const timer = timers.setTimeout(() => resolve(fallback), Math.max(0, ms));
    void settled.then((value) => {
      timers.clearTimeout(timer);
      resolve(value);
    });
  });
}

// Timers fire at once past 2^31 - 1 ms (about 24.8 days): longer timeouts mean no limit.
const MAX_TIMER_MS = 2_147_483_647;

/** A flush or close timeout as a deadline in ms since the epoch; `undefined` means no limit. */
export function toDeadline(timeout: unknown): number | undefined {
  if (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout >= MAX_TIMER_MS) return undefined;
  return Date.now() + Math.max(0, timeout);
}

/** Milliseconds left until `deadline` (never negative); `undefined` when there is none. */
export function remainingMs(deadline: number | undefined): number | undefined {
  return deadline === undefined ? undefined : Math.max(0, deadline - Date.now());
}

/**
 * Waits until `pending` is empty — work added while waiting counts too — or the deadline passes.
 * Resolves true when it emptied in time.
 */
export async function waitUntilIdle(
  pending: Set<PromiseLike<unknown>>,
  deadline: number | undefined,
): Promise<boolean> {
  while (pending.size > 0) {
    const ms = remainingMs(deadline);
    if (ms === 0) return false;
    const done = await resolveWithin(
      Promise.all(pending).then(() => true),
      ms,
      false,
    );
    if (!done) return false;
  }
  return true;
}
