import { forEachEnvelopeItem, type Envelope } from '../envelope';
import { callGuarded, DEBUG_BUILD, debug } from '../lib';
import type { Transport, TransportMakeRequestResponse, TransportOptions } from '../types';
import type { OfflineStore } from './offline-store';
import { DEFAULT_RETRY_AFTER_MS, parseRetryAfterHeader } from './rate-limits';
import { timers, unrefTimer, type TimerHandle } from './timers';

const MIN_RETRY_DELAY_MS = 5_000;
const MAX_RETRY_DELAY_MS = 3_600_000;

/** What the offline transport adds to the options of the transport it wraps. */
export interface OfflineTransportOptions extends TransportOptions {
  /** Makes the store for envelopes that could not be sent. */
  createStore: (options: TransportOptions) => OfflineStore;
  /** Re-send what the store holds soon after start (envelopes from a previous run). */
  flushAtStartup?: boolean;
  /** Decides whether a failed envelope is kept; `retryDelay` is the current back-off in ms. */
  shouldStore?: (envelope: Envelope, error: unknown, retryDelay: number) => boolean | PromiseLike<boolean>;
  /** First back-off in ms (default 5 s); it doubles after every failed retry. */
  minRetryDelay?: number;
  /** Longest back-off in ms (default 1 h). */
  maxRetryDelay?: number;
}

/**
 * Wraps a transport factory so that envelopes which failed for network reasons (no response) are kept
 * in a store and re-sent later, oldest first, with exponential back-off. Rate-limited and rejected
 * (4xx/5xx) envelopes, and envelopes of client reports only, are never stored.
 */
export function makeOfflineTransport<O extends TransportOptions>(
  createTransport: (options: O) => Transport,
): (options: O & OfflineTransportOptions) => Transport {
  return (options) => {
    const transport = createTransport(options);
    const store = callGuarded('The offline transport option createStore', () => options.createStore(options), undefined);
    if (!store) return transport;
    const minDelay = options.minRetryDelay ?? MIN_RETRY_DELAY_MS;
    const maxDelay = options.maxRetryDelay ?? MAX_RETRY_DELAY_MS;
    let retryDelay = minDelay;
    let timer: TimerHandle | undefined;
    let storeMayHaveItems = options.flushAtStartup === true;
    let flushing = false;

    const scheduleFlush = (delay: number): void => {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = unrefTimer(
        timers.setTimeout(() => {
          timer = undefined;
          void flushStore();
        }, delay),
      );
    };

    /** Keeps an envelope that failed without a response; false when it is not to be kept. */
    const keep = async (envelope: Envelope, error: unknown, fromStore: boolean): Promise<boolean> => {
      // an envelope of client reports only is not worth keeping
      if (!forEachEnvelopeItem(envelope, (_item, type) => type !== 'client_report')) return false;
      try {
        if (options.shouldStore && (await options.shouldStore(envelope, error, retryDelay)) !== true) return false;
      } catch (hookError) {
        DEBUG_BUILD && debug.error('The offline transport option shouldStore threw; not storing:', hookError);
        return false;
      }
      try {
        await (fromStore ? store.unshift(envelope) : store.push(envelope));
      } catch (storeError) {
        DEBUG_BUILD && debug.error('The offline store could not keep an envelope:', storeError);
        return false;
      }
      storeMayHaveItems = true;
      if (fromStore) {
        // only failed retries back off further; a burst of failing new envelopes must not
        scheduleFlush(retryDelay);
        retryDelay = Math.min(retryDelay * 2, maxDelay);
      } else if (timer === undefined && !flushing) {
        scheduleFlush(retryDelay);
      }
      DEBUG_BUILD && debug.log('Stored an envelope that could not be sent; it will be retried.');
      return true;
    };

    /** After a response the network is up: re-send stored envelopes soon, or once a rate limit ends. */
    const afterResponse = (result: TransportMakeRequestResponse | void): void => {
      if (!storeMayHaveItems || flushing) return;
      retryDelay = minDelay;
      const retryAfter = result?.headers?.['retry-after'];
      if (retryAfter) scheduleFlush(parseRetryAfterHeader(retryAfter));
      else if (result?.headers?.['x-sentry-rate-limits']) scheduleFlush(DEFAULT_RETRY_AFTER_MS);
      else scheduleFlush(0);
    };

    const flushStore = async (): Promise<void> => {
      if (flushing) return;
      flushing = true;
      try {
        for (;;) {
          const envelope = await store.shift();
          if (!envelope) {
            storeMayHaveItems = false;
            retryDelay = minDelay;
            return;
          }
          try {
            await transport.send(envelope);
          } catch (error) {
            if (await keep(envelope, error, true)) return;
          }
        }
      } catch (error) {
        DEBUG_BUILD && debug.error('The offline store could not be read:', error);
      } finally {
        flushing = false;
      }
    };

    if (storeMayHaveItems) scheduleFlush(minDelay);

    return {
      async send(envelope) {
        let result: TransportMakeRequestResponse | void;
        try {
          result = await transport.send(envelope);
        } catch (error) {
          if (await keep(envelope, error, false)) return {};
          throw error;
        }
        afterResponse(result);
        return result;
      },
      flush: (timeout) => transport.flush(timeout),
    };
  };
}
