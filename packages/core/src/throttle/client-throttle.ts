import { debug, DEBUG_BUILD } from '../lib';
import type { Client, ClientOptions, Event } from '../types';
import { getErrorFingerprint } from './error-fingerprint';
import { createMinuteCounter, type MinuteCounter } from './minute-counter';

/** Default of `maxErrorsPerMinute`: events of one error (type + top in-app frame) per minute. */
export const DEFAULT_MAX_ERRORS_PER_MINUTE = 100;
/** Default of `maxTransactionsPerMinute`. */
export const DEFAULT_MAX_TRANSACTIONS_PER_MINUTE = 10_000;
/** Default of `maxLogsPerMinute`. */
export const DEFAULT_MAX_LOGS_PER_MINUTE = 60_000;

interface Throttle {
  error: MinuteCounter | undefined;
  transaction: MinuteCounter | undefined;
  log: MinuteCounter | undefined;
}

const throttles = new WeakMap<object, Throttle>();

/**
 * True when the client-side budget has no room for this event: error and message events are
 * limited per fingerprint (an error thrown in a render loop), transactions in total. Counts the
 * event otherwise. Feedback is never throttled.
 */
export function isEventThrottled(client: Client, event: Event): boolean {
  const throttle = getThrottle(client);
  if (event.type === 'feedback') return false;
  if (event.type === 'transaction') return throttle.transaction?.allow('', Date.now()) === false;
  return throttle.error?.allow(getErrorFingerprint(event), Date.now()) === false;
}

/** True when the client's log budget for this minute is spent; counts the log otherwise. */
export function isLogThrottled(client: Client): boolean {
  return getThrottle(client).log?.allow('', Date.now()) === false;
}

function getThrottle(client: Client): Throttle {
  let throttle = throttles.get(client);
  if (!throttle) {
    throttle = createThrottle(client.getOptions());
    throttles.set(client, throttle);
  }
  return throttle;
}

function createThrottle(options: ClientOptions): Throttle {
  return {
    error: counter(options.maxErrorsPerMinute, DEFAULT_MAX_ERRORS_PER_MINUTE, (limit, key) =>
      DEBUG_BUILD
        ? `The error "${key}" was captured more than ${limit} times this minute (maxErrorsPerMinute); further events of it are dropped until the minute is over.`
        : '',
    ),
    transaction: counter(options.maxTransactionsPerMinute, DEFAULT_MAX_TRANSACTIONS_PER_MINUTE, (limit) =>
      DEBUG_BUILD
        ? `More than ${limit} transactions this minute (maxTransactionsPerMinute); further ones are dropped.`
        : '',
    ),
    log: counter(options.maxLogsPerMinute, DEFAULT_MAX_LOGS_PER_MINUTE, (limit) =>
      DEBUG_BUILD ? `More than ${limit} logs this minute (maxLogsPerMinute); further ones are dropped.` : '',
    ),
  };
}

// 0 turns a budget off; the option specs already refused anything but non-negative integers.
function counter(
  value: number | undefined,
  fallback: number,
  message: (limit: number, key: string) => string,
): MinuteCounter | undefined {
  const limit = typeof value === 'number' ? value : fallback;
  if (limit === 0) return undefined;
  return createMinuteCounter(limit, (key) => {
    DEBUG_BUILD && debug.warn(message(limit, key));
  });
}
