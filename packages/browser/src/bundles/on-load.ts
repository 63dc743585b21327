import { callGuarded } from '@sentry-sdk/core/internal';

/**
 * Runs `callback` now: the SDK is loaded. The loader snippet's `Sentry.onLoad` queues the callback
 * until the bundle arrives; this one keeps code written for the loader working once it has.
 * @example Sentry.onLoad(() => Sentry.init({ dsn }));
 */
export function onLoad(callback: () => void): void {
  if (typeof callback === 'function') callGuarded('onLoad callback', callback, undefined);
}
