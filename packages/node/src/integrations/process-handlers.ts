import { inspect } from 'node:util';
import type { Integration } from '@sentry-sdk/core';

// Listeners the SDK put on `process`: they never count as the app's own handlers.
const sdkListeners = new WeakSet<(...args: never[]) => unknown>();

// The listener each integration (by name) holds per event: a later `init` replaces the earlier
// client's, so calling `init` again does not pile up listeners (and keep every old client alive).
const slots = new Map<string, (...args: never[]) => unknown>();

/** Registers `listener` for a process event and remembers it as the SDK's; `slot` (an integration name) replaces its previous listener. */
export function addSdkListener(event: string, listener: (...args: never[]) => unknown, slot?: string): void {
  if (slot !== undefined) {
    const key = `${slot}:${event}`;
    const previous = slots.get(key);
    if (previous) process.removeListener(event, previous as (...args: unknown[]) => void);
    slots.set(key, listener);
  }
  sdkListeners.add(listener);
  process.on(event, listener as (...args: unknown[]) => void);
}

/** How many listeners of `event` the app (not the SDK) registered. */
export function countAppListeners(event: string): number {
  return process.listeners(event as 'exit').filter((listener) => !sdkListeners.has(listener as never)).length;
}

/**
 * Flushes `client` within `timeout` ms. The transport's sockets are unref'd, so a ref'd timer keeps
 * the event loop alive until the flush settles. Never rejects.
 */
export function flushKeepingAlive(
  client: { flush(timeout?: number): PromiseLike<boolean> },
  timeout: number,
): Promise<boolean> {
  const keepAlive = setTimeout(() => undefined, timeout + 50);
  return Promise.resolve()
    .then(() => client.flush(timeout))
    .then(
      (done) => done === true,
      () => false,
    )
    .finally(() => clearTimeout(keepAlive));
}

/** Prints an error to stderr as Node prints an uncaught one (stderr is synchronous for files and pipes). */
export function printError(error: unknown): void {
  try {
    process.stderr.write(`${inspect(error)}\n`);
  } catch {
    // nowhere to print
  }
}

/** The client an integration is set up on. */
export type IntegrationClient = Parameters<NonNullable<Integration['setup']>>[0];

/** Captures a value that ended (or would end) the process: unhandled, level fatal. */
export function capture(
  client: IntegrationClient,
  error: unknown,
  mechanismType: string,
  level: 'fatal' | 'error' = 'fatal',
): void {
  client.captureException(error, {
    originalException: error,
    mechanism: { type: mechanismType, handled: false },
    captureContext: { level },
  });
}
