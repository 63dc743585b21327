import { tracingChannel } from 'node:diagnostics_channel';
import { callGuarded, DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import type { DbRecording } from './db-operation';

/** A message of a `TracingChannel`: what the library put in it, plus the `error` Node sets. */
export interface TracingMessage {
  error?: unknown;
  [key: string]: unknown;
}

/**
 * Records each operation a library traces through the `TracingChannel` `name`: `start` (in the
 * caller's async context) begins a recording, the first of `asyncStart` (callback or promise
 * settled) and a synchronous throw ends it. Subscribing is all it costs until the library loads.
 */
export function subscribeTracingChannel(
  name: string,
  start: (message: TracingMessage) => DbRecording | undefined,
): void {
  if (typeof tracingChannel !== 'function') {
    DEBUG_BUILD &&
      debug.warn(`${name}: this Node has no diagnostics_channel.tracingChannel; not instrumented`);
    return;
  }
  const recordings = new WeakMap<object, DbRecording>();
  const finish = (message: TracingMessage): void => {
    const recording = recordings.get(message);
    if (!recording) return;
    recordings.delete(message);
    recording.finish(message.error);
  };
  const what = `${name} instrumentation`;
  tracingChannel(name).subscribe({
    start: (message) =>
      callGuarded(
        what,
        () => {
          const recording = start(message as TracingMessage);
          if (recording) recordings.set(message, recording);
        },
        undefined,
      ),
    end: (message) =>
      callGuarded(
        what,
        () => {
          // a synchronous throw: no asyncStart follows
          if ((message as TracingMessage).error !== undefined) finish(message);
        },
        undefined,
      ),
    asyncStart: (message) => callGuarded(what, () => finish(message as TracingMessage), undefined),
    // Node sets `message.error` before publishing these: the handlers above read it
    asyncEnd: () => undefined,
    error: () => undefined,
  });
}
