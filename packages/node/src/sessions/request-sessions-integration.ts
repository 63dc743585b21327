import type { Integration } from '@sentry-sdk/core';
import { startSessionAggregates, type SessionAggregatesOptions } from './session-aggregates';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'RequestSessions';

/**
 * Release health for servers: counts incoming requests as sessions (request mode, protocol.md §8.2)
 * and sends their aggregates every `flushIntervalMs` (default one minute) and on flush and close.
 * The HTTP instrumentation begins and ends each request's session; without this integration the
 * aggregates start with the first request, with the default interval.
 */
export function requestSessionsIntegration(input: SessionAggregatesOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<SessionAggregatesOptions>(input);
  return {
    name: NAME,
    setup(client) {
      startSessionAggregates(client, options);
    },
  };
}
