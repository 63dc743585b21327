import type { Scope } from '@sentry-sdk/core';

/** How a request ended, as session aggregates count it (protocol.md §8.2). */
export type RequestSessionStatus = 'exited' | 'errored' | 'crashed' | 'abnormal';

/** The counts of one started-minute. */
export type SessionCounts = Partial<Record<RequestSessionStatus, number>>;

/** The session of one incoming request, kept on its isolation scope (`sdkProcessingMetadata.requestSession`). */
export interface RequestSession {
  /** `ok` while no error was captured. */
  readonly status: 'ok' | 'errored' | 'crashed';
  /** When the request started, ms since the epoch. */
  readonly started: number;
  /** Raises the status (ok → errored → crashed; never lowers it), also after the request was counted. */
  mark(status: 'errored' | 'crashed'): void;
}

const SEVERITY = { ok: 0, errored: 1, crashed: 2 } as const;

// where a session was counted, while its bucket may still be unsent
const countedIn = new WeakMap<RequestSession, { bucket: SessionCounts; as: RequestSessionStatus }>();

/** A new request session, started now. */
export function createRequestSession(): RequestSession {
  let status: RequestSession['status'] = 'ok';
  const session: RequestSession = {
    get status() {
      return status;
    },
    started: Date.now(),
    mark(next) {
      if (SEVERITY[next] <= SEVERITY[status]) return;
      status = next;
      // an event processed after the response was sent moves the request to the right count
      const counted = countedIn.get(session);
      const before = counted?.bucket[counted.as] ?? 0;
      if (counted && before > 0) {
        counted.bucket[counted.as] = before - 1;
        counted.bucket[next] = (counted.bucket[next] ?? 0) + 1;
        counted.as = next;
      }
    },
  };
  return session;
}

/** Remembers the bucket a session was counted in, so that a late error can still move it. */
export function noteCounted(session: RequestSession, bucket: SessionCounts, as: RequestSessionStatus): void {
  countedIn.set(session, { bucket, as });
}

/** The request session of an isolation scope, if a request started one. */
export function readRequestSession(scope: Scope): RequestSession | undefined {
  const session = scope.getScopeData().sdkProcessingMetadata['requestSession'];
  return isRequestSession(session) ? session : undefined;
}

/** What an isolation scope keeps once its request session was counted. */
export const ENDED = 'ended';

/** True when the request session of an isolation scope was counted already. */
export function isEndedRequestSession(scope: Scope): boolean {
  return scope.getScopeData().sdkProcessingMetadata['requestSession'] === ENDED;
}

/** True for the session objects `createRequestSession` makes (as found in `hint.data`). */
export function isRequestSession(value: unknown): value is RequestSession {
  return typeof (value as { mark?: unknown } | null | undefined)?.mark === 'function';
}
