import { dateTimestampInSeconds, debug, DEBUG_BUILD, isoTimestamp, uuid4 } from '../lib';
import type { Client } from '../types';
import { sendSessionUpdate } from './send-session-update';
import { isSessionCrash, isSessionError, type SessionUpdate } from './session-update';

/**
 * User-mode release health driven by the app (protocol.md §8.1), for runtimes without automatic
 * sessions (a Node CLI or worker): `startSession()` begins one (ending the one before),
 * `captureSession()` sends its state, `endSession()` or closing the client ends it. Errors sent
 * meanwhile count in it; an unhandled one crashes it. Needs a `release`.
 */
export function trackManualSessions(client: Client): void {
  let session: SessionUpdate | undefined;
  let startedAt = 0;

  const send = (): void => {
    if (!session) return;
    session.duration = Math.max(0, dateTimestampInSeconds() - startedAt);
    sendSessionUpdate(client, session);
  };

  const end = (): void => {
    if (!session) return;
    session.status = 'exited';
    send();
    session = undefined;
  };

  const start = (): void => {
    end();
    const { release, environment } = client.getOptions();
    if (!release) {
      DEBUG_BUILD && debug.warn('startSession: sessions need the `release` option; none is started.');
      return;
    }
    const started = isoTimestamp();
    startedAt = dateTimestampInSeconds();
    session = {
      sid: uuid4(),
      init: true,
      started,
      timestamp: started,
      status: 'ok',
      errors: 0,
      attrs: { release, environment: environment ?? 'production' },
    };
    send();
  };

  client.on('sessionControl', (action) => (action === 'start' ? start() : action === 'end' ? end() : send()));
  client.on('beforeSendEvent', (event) => {
    if (!session || session.status !== 'ok' || event.type) return;
    const crashed = isSessionCrash(event);
    if (!crashed && !isSessionError(event)) return;
    session.errors++;
    if (crashed) {
      // crashed is terminal: this is the session's last update
      session.status = 'crashed';
      send();
      session = undefined;
    } else if (session.errors === 1) send(); // later handled errors ride along with the next update
  });
  client.on('close', end);
}
