import { constants } from 'node:os';
import type { Integration } from '@sentry-sdk/core';
import { getShutdownTimeout } from '../client';
import { addSdkListener, countAppListeners, flushKeepingAlive } from './process-handlers';

const NAME = 'GracefulShutdown';
const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Sends what is pending before the process ends, within `shutdownTimeout`:
 * - on `beforeExit` (the event loop ran dry), when envelopes went out (or logs or requests were
 *   counted) since the last flush;
 * - on SIGTERM and SIGINT. When the app has handlers of its own for the signal, they decide what
 *   happens next; otherwise the SDK restores Node's default and raises the signal again, so the
 *   process ends by the signal (exit status 128 + its number) as it would have without the SDK.
 *   A second signal while sending ends the process at once.
 */
export function gracefulShutdownIntegration(): Integration {
  return {
    name: NAME,
    setup(client) {
      let sentSinceFlush = false;
      let flushing = false;
      const markPending = (): void => {
        // what a flush sends itself (buffered logs) it also waits for: only later sends need another
        if (!flushing) sentSinceFlush = true;
      };
      client.on('beforeEnvelope', markPending);
      // buffered logs and counted request sessions are not envelopes yet, but must go out before the process ends
      client.on('afterCaptureLog', markPending);
      client.on('requestEnd', markPending);
      addSdkListener('beforeExit', () => {
        // with nothing sent, flushing again would only make Node emit beforeExit again, forever
        if (!sentSinceFlush || flushing) return;
        sentSinceFlush = false;
        flushing = true;
        void flushKeepingAlive(client, getShutdownTimeout(client.getOptions())).then(() => {
          flushing = false;
        });
      }, NAME);

      for (const signal of SIGNALS) {
        let received = false;
        const onSignal = (): void => {
          const appHandles = countAppListeners(signal) > 0;
          if (received && !appHandles) return raiseDefault(signal, onSignal);
          received = true;
          void flushKeepingAlive(client, getShutdownTimeout(client.getOptions())).then(() => {
            if (!appHandles) raiseDefault(signal, onSignal);
          });
        };
        addSdkListener(signal, onSignal, NAME);
      }
    },
  };
}

function raiseDefault(signal: (typeof SIGNALS)[number], listener: () => void): void {
  process.removeListener(signal, listener);
  if (countAppListeners(signal) === 0 && process.listenerCount(signal) === 0) {
    process.kill(process.pid, signal);
  }
  // where raising did not end the process (an SDK listener of another client, Windows): the shell's convention
  setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 0)), 100);
}
