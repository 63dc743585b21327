import { callGuarded, debug, DEBUG_BUILD } from '../lib';
import { getClient } from '../scope';
import type { SessionControlAction } from '../types';

/**
 * Begins a new release-health session (ending the current one). In browsers the page's session
 * (browserSessionIntegration) restarts; elsewhere a user-mode session begins. Needs a `release`.
 * @example startSession(); // after a user logs in
 */
export function startSession(): void {
  controlSession('start', 'startSession');
}

/** Ends the current session as `exited` and sends it (a crashed session has ended already). */
export function endSession(): void {
  controlSession('end', 'endSession');
}

/** Sends the current session's state now; with `end: true`, ends it as `endSession` does. */
export function captureSession(end = false): void {
  controlSession(end === true ? 'end' : 'capture', 'captureSession');
}

function controlSession(action: SessionControlAction, method: string): void {
  callGuarded(
    method,
    () => {
      const client = getClient();
      if (client) client.emit('sessionControl', action);
      else DEBUG_BUILD && debug.warn(`${method}: the SDK is not initialised (call init first); ignored.`);
    },
    undefined,
  );
}
