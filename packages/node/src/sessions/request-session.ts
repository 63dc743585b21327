import { getClient, getIsolationScope, type ClientLike, type Scope } from '@sentry-sdk/core';
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
  if (client) startSessionAggregates(client);
  const session = createRequestSession();
  scope.setSDKProcessingMetadata({ requestSession: session });
  return session;
}

/** Marks the request session of the isolation scope errored (or crashed); a no-op outside a request. */
export function markRequestSessionErrored(crashed = false, scope: Scope = getIsolationScope()): void {
  readRequestSession(scope)?.mark(crashed ? 'crashed' : 'errored');
}

/** Counts the request of the isolation scope once: by its session's status (ok counts as exited). */
export function endRequestSession(
  scope: Scope = getIsolationScope(),
  client: ClientLike | undefined = getClient(),
): void {
  if (client) startSessionAggregates(client).endRequest(scope);
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
  if (client) startSessionAggregates(client).record(status, startedMs);
}

/** The request session of an isolation scope, if a request started one. */
export function getRequestSession(scope: Scope = getIsolationScope()): RequestSession | undefined {
  return readRequestSession(scope);
}
