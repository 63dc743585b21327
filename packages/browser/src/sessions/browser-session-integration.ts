import { getClient, type ClientLike, type Event, type Integration } from '@sentry-sdk/core';
import {
  copyOwnEntries,
  debug,
  DEBUG_BUILD,
  isoTimestamp,
  isSessionCrash,
  isSessionError,
  sendSessionUpdate,
  uuid4,
  type SessionUpdate,
} from '@sentry-sdk/core/internal';
import { addHistoryHandler } from '../instrument';
import { listen, native } from '../native';
import { isPageHidden } from '../transport';

const NAME = 'BrowserSession';
// The first update waits for the page to be idle, so an error during load rides along with it.
const IDLE_TIMEOUT_MS = 5_000;
const NO_IDLE_CALLBACK_DELAY_MS = 1_000;

/** Options of browserSessionIntegration. */
export interface BrowserSessionOptions {
  /** `page` (default): a session per page load; `route`: also a new one per history navigation. */
  lifecycle?: 'page' | 'route';
}

interface PageGlobals {
  document?: Document;
  navigator?: { userAgent?: string };
}

/** Runs release health for `client`: one session at a time, sent as `session` items when it changed. */
function startPageSessions(client: ClientLike, lifecycle: 'page' | 'route'): void {
  const { release, environment, sendDefaultPii } = client.getOptions();
  const page = globalThis as PageGlobals;
  if (!release) {
    DEBUG_BUILD &&
      debug.warn('browserSessionIntegration: sessions need the `release` option; none are sent.');
    return;
  }
  if (!page.document) return;
  const userAgent = page.navigator?.userAgent;
  const attrs: SessionUpdate['attrs'] = {
    release,
    environment: environment ?? 'production',
    ...(userAgent && { user_agent: userAgent }),
    ...(sendDefaultPii === true && { ip_address: '{{auto}}' }),
  };
  let session!: SessionUpdate;
  // Something happened that no update has carried yet.
  let news = false;
  let idleQueued = false;
  let stopped = false;
  const active = (): boolean => !stopped && getClient() === client;

  const send = (): void => {
    if (!news) return;
    news = false;
    sendSessionUpdate(client, session);
  };

  const sendWhenIdle = (): void => {
    if (idleQueued) return;
    idleQueued = true;
    const run = (): void => {
      idleQueued = false;
      if (active()) send();
    };
    if (native.requestIdleCallback) native.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else native.setTimeout(run, NO_IDLE_CALLBACK_DELAY_MS);
  };

  const begin = (): void => {
    const started = isoTimestamp();
    session = { sid: uuid4(), init: true, started, timestamp: started, status: 'ok', errors: 0, attrs };
    news = true;
    sendWhenIdle();
  };

  const end = (): void => {
    if (session.status !== 'ok') return;
    session.status = 'exited';
    news = true;
    send();
  };

  const record = (event: Event): void => {
    if (session.status !== 'ok' || event.type) return;
    const crashed = isSessionCrash(event);
    if (!crashed && !isSessionError(event)) return;
    session.errors++;
    // Sent on the first error and on a crash; further handled errors ride along with the end.
    if (crashed) session.status = 'crashed';
    if (crashed || session.errors === 1) news = true;
    send();
  };

  begin();
  client.on('sessionControl', (action) => {
    if (!active()) return;
    if (action === 'capture') {
      if (session.status !== 'ok') return;
      news = true;
      send();
      return;
    }
    end();
    if (action === 'start') begin();
  });
  client.on('beforeSendEvent', (event) => active() && record(event));
  client.on('flush', () => active() && send());
  client.on('close', () => {
    if (active()) end();
    stopped = true;
  });
  // pagehide, not visibilitychange: a hidden tab may come back, an unloading page does not.
  listen(globalThis, 'pagehide', () => active() && end());
  listen(globalThis, 'pageshow', (event: PageTransitionEvent) => active() && event.persisted && begin());
  listen(page.document, 'visibilitychange', () => active() && isPageHidden() && send());
  if (lifecycle === 'route') {
    addHistoryHandler(({ from, to }) => {
      if (!active() || from === to) return;
      end();
      begin();
    });
  }
}

/**
 * Release health (protocol.md §8.1): a session per page load (and per history navigation with
 * `lifecycle: 'route'`), sent as `session` items when something changed: its start (deferred until
 * the page is idle), its first error, a crash (an unhandled error), and its end when the page is
 * hidden for good (`pagehide`: `exited` unless it crashed). Needs a `release`; installed by
 * default when one is set.
 */
export function browserSessionIntegration(input: BrowserSessionOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<BrowserSessionOptions>(input);
  const lifecycle = options.lifecycle === 'route' ? 'route' : 'page';
  return {
    name: NAME,
    setup(client) {
      startPageSessions(client, lifecycle);
    },
  };
}
