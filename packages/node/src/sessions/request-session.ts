import { getClient, getIsolationScope, type ClientLike, type Scope } from '@sentry-sdk/core';
import { callGuarded, debug, DEBUG_BUILD } from '@sentry-sdk/core/internal';

const STATUSES: readonly unknown[] = ['exited', 'errored', 'crashed', 'abnormal'];
import {
  createRequestSession,
  readRequestSession,
  type RequestSession,
  type RequestSessionStatus,
} from './request-session-state';
import { startSessionAggregates } from './session-aggregates';

/**
 * Begins the session of an incoming request on its isolation scope (call it inside the request's
 * `withIsolationScope`) and starts the client's session aggregates if they are not running yet.
 * Error events captured in that isolation scope mark it errored, or crashed when unhandled; the
 * client hook `requestEnd` (or `endRequestSession`) counts it.
 */
export function startRequestSession(
  scope: Scope = getIsolationScope(),
  client: ClientLike | undefined = getClient(),
): RequestSession {
  const session = createRequestSession();
  callGuarded(
    'startRequestSession',
    () => {
      if (client) startSessionAggregates(client);
      scope.setSDKProcessingMetadata({ requestSession: session });
    },
    undefined,
  );
  return session;
}

/** Marks the request session of the isolation scope errored (or crashed); a no-op outside a request. */
export function markRequestSessionErrored(crashed = false, scope: Scope = getIsolationScope()): void {
  callGuarded('markRequestSessionErrored', () => readRequestSession(scope)?.mark(crashed ? 'crashed' : 'errored'), undefined);
}

/** Counts the request of the isolation scope once: by its session's status (ok counts as exited). */
export function endRequestSession(
  scope: Scope = getIsolationScope(),
  client: ClientLike | undefined = getClient(),
): void {
  callGuarded('endRequestSession', () => client && startSessionAggregates(client).endRequest(scope), undefined);
}

/**
 * Counts one finished request with the status it ended in, for instrumentation that tracks the
 * status itself. Starts the client's session aggregates when needed.
 */
export function trackRequestSession(
  status: RequestSessionStatus,
  startedMs: number = Date.now(),
  client: ClientLike | undefined = getClient(),
): void {
  if (!STATUSES.includes(status) || typeof startedMs !== 'number' || !Number.isFinite(startedMs)) {
    DEBUG_BUILD && debug.warn('trackRequestSession: status must be exited, errored, crashed or abnormal, and startedMs a time; ignored.');
    return;
  }
  callGuarded('trackRequestSession', () => client && startSessionAggregates(client).record(status, startedMs), undefined);
}

/** The request session of an isolation scope, if a request started one. */
export function getRequestSession(scope: Scope = getIsolationScope()): RequestSession | undefined {
  return callGuarded('getRequestSession', () => readRequestSession(scope), undefined);
}
