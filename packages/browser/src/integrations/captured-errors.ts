import { isPrimitive } from '@sentry-sdk/core/internal';
import { native } from '../native';

// Errors the SDK captured where they were thrown (in a wrapped callback) and then rethrew: the
// global handlers see them again and must not send them twice.
const captured = new WeakSet<object>();
let primitivesInFlight = 0;

/** Notes that `error` was captured and is about to be rethrown to the global handlers. */
export function markCapturedBeforeRethrow(error: unknown): void {
  if (!isPrimitive(error)) {
    captured.add(error);
    return;
  }
  // A thrown primitive cannot be remembered by identity; the browser reports it to `onerror`
  // synchronously after the callback returns, so ignoring errors until the next task is enough.
  primitivesInFlight++;
  native.setTimeout(() => {
    primitivesInFlight--;
  });
}

/** True when the global handlers should skip `error` because a wrapper captured it already. */
export function wasCapturedBeforeRethrow(error: unknown): boolean {
  if (!isPrimitive(error)) return captured.has(error);
  return primitivesInFlight > 0;
}
