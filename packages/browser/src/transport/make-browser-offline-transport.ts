import { makeOfflineTransport, type OfflineTransportOptions, type Transport } from '@sentry-sdk/core';
import { createIndexedDbStore, type IndexedDbStoreOptions } from './create-indexed-db-store';
import { makeFetchTransport, type BrowserTransportOptions } from './make-fetch-transport';

/** Options of the browser's offline transport: the fetch transport's, the offline transport's and the store's. */
export type BrowserOfflineTransportOptions = BrowserTransportOptions &
  Partial<OfflineTransportOptions> &
  IndexedDbStoreOptions;

/**
 * A transport that keeps envelopes which could not be sent (no network) in IndexedDB and sends
 * them later: after the next successful request, with back-off, and on the next page load
 * (`flushAtStartup` defaults to true here). Wraps `makeFetchTransport` unless given another factory.
 * @example init({ dsn, transport: makeBrowserOfflineTransport(), transportOptions: { maxQueueSize: 50 } })
 */
export function makeBrowserOfflineTransport(
  createTransport: (options: BrowserTransportOptions) => Transport = makeFetchTransport,
): (options: BrowserOfflineTransportOptions) => Transport {
  const offline = makeOfflineTransport(createTransport);
  return (options) =>
    offline({
      flushAtStartup: true,
      createStore: () => createIndexedDbStore(options),
      ...options,
    });
}
