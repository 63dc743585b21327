import { getClient, type Integration } from '@sentry-sdk/core';
import { callGuarded, copyOwnEntries, debug, DEBUG_BUILD } from '@sentry-sdk/core/internal';
import { getShutdownTimeout } from '../client';
import {
  addSdkListener,
  capture,
  countAppListeners,
  flushKeepingAlive,
  printError,
} from './process-handlers';

const NAME = 'OnUncaughtException';

/** Options of onUncaughtExceptionIntegration. */
export interface OnUncaughtExceptionOptions {
  /**
   * Exit (after sending) even when the app registered its own `uncaughtException` handlers. By
   * default the SDK only captures then, and leaves the decision to the app's handlers.
   */
  exitEvenIfOtherHandlersAreRegistered?: boolean;
  /** Called instead of printing the error and exiting with code 1, once the event was sent (or `shutdownTimeout` passed). */
  onFatalError?: (error: unknown) => void;
}

/**
 * Captures uncaught exceptions (mechanism `auto.node.onuncaughtexception`, unhandled, level fatal),
 * sends them within `shutdownTimeout`, then prints the error and exits with code 1 as Node would —
 * unless the app has `uncaughtException` handlers of its own, which then decide what happens.
 */
export function onUncaughtExceptionIntegration(input: OnUncaughtExceptionOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<OnUncaughtExceptionOptions>(input);
  return {
    name: NAME,
    setup(client) {
      let shuttingDown = false;
      addSdkListener('uncaughtException', (error: unknown) => {
        // a client replaced by a later init leaves the error to the current one
        if (getClient() !== client) return;
        const exit =
          options.exitEvenIfOtherHandlersAreRegistered === true ||
          countAppListeners('uncaughtException') === 0;
        if (shuttingDown) {
          DEBUG_BUILD && debug.error('Another uncaught exception while sending the first one:', error);
          return;
        }
        // also for origin 'unhandledRejection' (a throwing ES module top level, --unhandled-rejections=strict):
        // it reached this handler because it ends the process
        capture(client, error, 'auto.node.onuncaughtexception');
        if (!exit) return;
        shuttingDown = true;
        if (!options.onFatalError) printError(error);
        void flushKeepingAlive(client, getShutdownTimeout(client.getOptions())).then(() => {
          if (options.onFatalError)
            callGuarded('onFatalError', () => options.onFatalError!(error), undefined);
          else process.exit(1);
        });
      }, NAME);
    },
  };
}
