import { inspect } from 'node:util';
import { getClient, type Integration } from '@sentry-sdk/core';
import { getShutdownTimeout } from '../client';
import { addSdkListener, capture, flushKeepingAlive, printError } from './process-handlers';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'OnUnhandledRejection';
const MECHANISM = 'auto.node.onunhandledrejection';

/** Options of onUnhandledRejectionIntegration. */
export interface OnUnhandledRejectionOptions {
  /**
   * `warn` (default): capture, and print a warning as Node's `--unhandled-rejections=warn` does.
   * `strict`: capture (level fatal), print the reason, send within `shutdownTimeout`, exit with code 1.
   * `none`: capture only.
   */
  mode?: 'warn' | 'strict' | 'none';
}

/** Captures promise rejections that no handler took (mechanism `auto.node.onunhandledrejection`, unhandled). */
export function onUnhandledRejectionIntegration(input: OnUnhandledRejectionOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<OnUnhandledRejectionOptions>(input);
  const mode = options.mode === 'strict' || options.mode === 'none' ? options.mode : 'warn';
  return {
    name: NAME,
    setup(client) {
      let exiting = false;
      addSdkListener('unhandledRejection', (reason: unknown) => {
        // a client replaced by a later init leaves the rejection to the current one
        if (exiting || getClient() !== client) return;
        capture(client, reason, MECHANISM, mode === 'strict' ? 'fatal' : 'error');
        if (mode === 'warn') warn(reason);
        if (mode !== 'strict') return;
        exiting = true;
        printError(reason);
        void flushKeepingAlive(client, getShutdownTimeout(client.getOptions())).then(() => process.exit(1));
      }, NAME);
    },
  };
}

function warn(reason: unknown): void {
  try {
    process.emitWarning(
      `${inspect(reason)}\nThis rejection was not handled: an async function threw without a catch, or a promise ` +
        'was rejected without .catch(). To end the process on unhandled rejections, use ' +
        "onUnhandledRejectionIntegration({ mode: 'strict' }).",
      'UnhandledPromiseRejectionWarning',
    );
  } catch {
    // inspecting a hostile reason may throw: the capture above already happened
  }
}
