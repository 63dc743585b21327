import type { ClientLike, Event, EventHint, Scope } from '@sentry-sdk/core';
import { callGuarded, createEnvelope, createSessionsItem, DEBUG_BUILD, debug, dsnToString, readProperty } from '@sentry-sdk/core/internal';
import {
  ENDED,
  isEndedRequestSession,
  isRequestSession,
  noteCounted,
  readRequestSession,
  type RequestSessionStatus,
  type SessionCounts,
} from './request-session-state';

/** The request sessions of one client, counted per started-minute until they are sent. */
export interface SessionAggregates {
  /** Counts one finished request; returns its bucket (for a later change of its status). */
  record(status: RequestSessionStatus, startedMs: number): SessionCounts;
  /** Counts the request of an isolation scope: by its session, or as exited now when it has none. */
  endRequest(isolationScope: Scope): void;
  /** Sends what was counted (nothing without a release) and starts new buckets. */
  flush(): void;
  /** Stops the timer and the hooks; what was counted is sent first. */
  stop(): void;
}

/** Options of startSessionAggregates. */
export interface SessionAggregatesOptions {
  /** How often buckets are sent, ms. Default 60 000 (as the established Node SDK). */
  flushIntervalMs?: number;
}

const MAX_BUCKETS_PER_ITEM = 100;
const MINUTE_MS = 60_000;
const running = new WeakMap<ClientLike, SessionAggregates>();

/** The session aggregates started for `client`, if any. */
export function getSessionAggregates(client: ClientLike | undefined): SessionAggregates | undefined {
  return client ? running.get(client) : undefined;
}

/**
 * Starts counting request sessions for `client` (once per client; a second call returns the first):
 * `sessions` items bucketed by the minute a request started, sent every `flushIntervalMs` and on
 * the client's flush and close, at most 100 buckets per item, with the release and environment as
 * `attrs`. Nothing is sent without a release. Error events captured while a request runs mark its
 * session `errored` (`crashed` when unhandled); see `startRequestSession`.
 */
export function startSessionAggregates(client: ClientLike, options: SessionAggregatesOptions = {}): SessionAggregates {
  if (!isClientLike(client)) {
    DEBUG_BUILD && debug.warn('startSessionAggregates: the first argument is not a client; nothing is counted.');
    return { record: () => ({}), endRequest: () => undefined, flush: () => undefined, stop: () => undefined };
  }
  const existing = running.get(client);
  if (existing) return existing;
  let buckets = new Map<number, SessionCounts>();
  let warned = false;

  // runs on a timer too: a throw here would be an uncaught exception of the host app
  const flush = (): void => callGuarded('sending request sessions', send, undefined);
  const send = (): void => {
    if (!buckets.size) return;
    const pending = [...buckets].sort(([a], [b]) => a - b);
    buckets = new Map();
    const { release, environment, sdk, tunnel } = client.getOptions();
    if (!release) {
      DEBUG_BUILD && !warned && debug.warn('Request sessions are not sent without a `release` option.');
      warned = true;
      return;
    }
    const dsn = client.getDsn();
    for (let start = 0; start < pending.length; start += MAX_BUCKETS_PER_ITEM) {
      const aggregates = pending
        .slice(start, start + MAX_BUCKETS_PER_ITEM)
        .map(([minute, counts]) => ({ started: new Date(minute).toISOString(), ...counts }));
      const item = createSessionsItem({ aggregates, attrs: { release, environment: environment ?? 'production' } });
      const headers = { sdk: { name: sdk.name, version: sdk.version }, ...(tunnel && dsn && { dsn: dsnToString(dsn) }) };
      void client.sendEnvelope(createEnvelope(headers, [item]));
    }
  };

  const interval = positive(readProperty(options, 'flushIntervalMs'), MINUTE_MS);
  const timer = setInterval(flush, interval);
  timer.unref();
  const unsubscribe = [
    client.on('flush', flush),
    client.on('close', () => aggregates.stop()),
    client.on('beforeSendEvent', markSessionOfEvent),
    // the HTTP instrumentation's hook: a response was sent
    client.on('requestEnd', ({ isolationScope }) => aggregates.endRequest(isolationScope)),
  ];

  const aggregates: SessionAggregates = {
    record(status, startedMs) {
      const minute = Math.floor(startedMs / MINUTE_MS) * MINUTE_MS;
      let counts = buckets.get(minute);
      if (!counts) buckets.set(minute, (counts = {}));
      counts[status] = (counts[status] ?? 0) + 1;
      return counts;
    },
    endRequest(isolationScope) {
      const session = readRequestSession(isolationScope);
      if (!session) {
        if (!isEndedRequestSession(isolationScope)) aggregates.record('exited', Date.now());
        return;
      }
      // counted once, however many ends are reported
      isolationScope.setSDKProcessingMetadata({ requestSession: ENDED });
      const as: RequestSessionStatus = session.status === 'ok' ? 'exited' : session.status;
      noteCounted(session, aggregates.record(as, session.started), as);
    },
    flush,
    stop() {
      clearInterval(timer);
      unsubscribe.forEach((off) => off());
      running.delete(client);
      flush();
    },
  };
  running.set(client, aggregates);
  return aggregates;
}

/** The hook that marks the request session of an event's isolation scope (handed over in `hint.data`). */
function markSessionOfEvent(event: Event, hint: EventHint): void {
  const session = (hint.data as { requestSession?: unknown } | undefined)?.requestSession;
  if (!isRequestSession(session) || event.type === 'transaction' || event.type === 'feedback') return;
  const values = event.exception?.values;
  if (!values?.length || (event.level && event.level !== 'error' && event.level !== 'fatal')) return;
  session.mark(values.some((value) => value.mechanism?.handled === false) ? 'crashed' : 'errored');
}

function isClientLike(value: unknown): value is ClientLike {
  return callGuarded(
    'reading the client',
    () =>
      typeof value === 'object' &&
      value !== null &&
      typeof (value as ClientLike).on === 'function' &&
      typeof (value as ClientLike).getOptions === 'function' &&
      typeof (value as ClientLike).sendEnvelope === 'function',
    false,
  );
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
