import { callGuarded, DEBUG_BUILD, debug } from '../lib';
import { getClient } from '../scope';
import type { Integration } from '../types';

/** True once `init` has bound a client (even a disabled one). */
export function isInitialized(): boolean {
  return callGuarded('isInitialized', () => getClient() !== undefined, false);
}

/** True when a client is bound and sends events (it has a valid DSN, `enabled` is not false, not closed). */
export function isEnabled(): boolean {
  return callGuarded(
    'isEnabled',
    () => {
      const client = getClient() as { isEnabled?: () => boolean } | undefined;
      return client !== undefined && typeof client.isEnabled === 'function' && client.isEnabled() === true;
    },
    false,
  );
}

/**
 * Waits until everything captured so far was sent, at most `timeout` ms (no limit when omitted).
 * Resolves true when all was sent in time; false before init.
 * @example await flush(2000);
 */
export function flush(timeout?: number): Promise<boolean> {
  return drain('flush', timeout);
}

/** Flushes, then disables the SDK; resolves as `flush` does. */
export function close(timeout?: number): Promise<boolean> {
  return drain('close', timeout);
}

/** Installs an integration on the client after init (lazy-loaded integrations). */
export function addIntegration(integration: Integration): void {
  callGuarded(
    'addIntegration',
    () => {
      const client = getClient();
      if (client) client.addIntegration(integration);
      else
        DEBUG_BUILD && debug.warn('addIntegration: the SDK is not initialised (call init first); ignored.');
    },
    undefined,
  );
}

function drain(method: 'flush' | 'close', timeout: unknown): Promise<boolean> {
  try {
    const client = getClient();
    if (!client) {
      DEBUG_BUILD && debug.warn(`${method}: the SDK is not initialised; nothing to do.`);
      return Promise.resolve(false);
    }
    const ms = typeof timeout === 'number' ? timeout : undefined;
    return Promise.resolve(client[method](ms)).then(
      (result) => result === true,
      () => false,
    );
  } catch (error) {
    DEBUG_BUILD && debug.error(`${method} failed (an SDK error):`, error);
    return Promise.resolve(false);
  }
}
