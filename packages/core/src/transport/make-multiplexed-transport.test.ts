import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEventEnvelope, type Envelope } from '../envelope';
import { parseDsn } from '../lib';
import type { DsnComponents, Event, TransportOptions, TransportRequestExecutor } from '../types';
import { createClientReportRecorder, type ClientReportRecorder } from './client-reports';
import { createTransport } from './create-transport';
import { getEnvelopeEndpointWithUrlEncodedAuth } from './get-envelope-endpoint';
import { makeMultiplexedTransport, type MultiplexMatcher } from './make-multiplexed-transport';

const SDK = { name: 'acme.javascript.browser', version: '0.1.0' };

function fetchExecutor(url: string): TransportRequestExecutor {
  return (request) =>
    fetch(url, { method: 'POST', body: request.body }).then(async (response) => {
      await response.arrayBuffer();
      return {
        statusCode: response.status,
        headers: {
          'x-sentry-rate-limits': response.headers.get('x-sentry-rate-limits'),
          'retry-after': response.headers.get('retry-after'),
        },
      };
    });
}

function teamEvent(team: string | undefined, n: number): Envelope {
  const event: Event = {
    event_id: n.toString(16).padStart(32, '0'),
    timestamp: 1777890030,
    platform: 'javascript',
    level: 'error',
    release: 'app@1.0.0',
    ...(team && { tags: { team } }),
  };
  assertValidEvent(event);
  return createEventEnvelope(event, { sdk: SDK });
}

// Routes by the `team` tag: a → A; both → A and B (B's events carry B's release); anything else → default.
const byTeam =
  (a: string, b: string): MultiplexMatcher =>
  ({ getEvent }) => {
    const team = getEvent()?.tags?.team;
    if (team === 'a') return [a];
    if (team === 'both') return [a, { dsn: b, release: 'widget@2.0.0' }];
    return [];
  };

describe('makeMultiplexedTransport', () => {
  let main: IngestServer;
  let a: IngestServer;
  let b: IngestServer;
  let recorder: ClientReportRecorder;

  beforeEach(async () => {
    [main, a, b] = await Promise.all([startIngestServer(), startIngestServer(), startIngestServer()]);
    recorder = createClientReportRecorder();
  });
  afterEach(async () => {
    await Promise.all([main, a, b].map((server) => server.close()));
  });

  const make = (matcher: MultiplexMatcher, extra: Partial<TransportOptions> = {}) => {
    const mainDsn = (parseDsn(main.dsn) as { dsn: DsnComponents }).dsn;
    const factory = makeMultiplexedTransport(
      (options: TransportOptions) => createTransport(options, fetchExecutor(options.url)),
      matcher,
    );
    return factory({ url: getEnvelopeEndpointWithUrlEncodedAuth(mainDsn, undefined, SDK), recordDroppedEvent: recorder.record, sdk: SDK, ...extra });
  };

  it('routes envelopes to one or two DSNs on their own servers, and falls back to the default', async () => {
    const transport = make(byTeam(a.dsn, b.dsn));
    await transport.send(teamEvent('a', 1));
    await transport.send(teamEvent('both', 2));
    await transport.send(teamEvent(undefined, 3));
    expect(await transport.flush(2_000)).toBe(true);

    const ids = (server: IngestServer) => server.received.map((r) => Number.parseInt(String(r.envelope[0].event_id), 16));
    expect(ids(a)).toEqual([1, 2]);
    expect(ids(b)).toEqual([2]);
    expect(ids(main)).toEqual([3]);
    expect(b.received[0]!.url).toContain(`/api/4711/envelope/?sentry_version=7&sentry_key=`);
    expect(b.received[0]!.url).toContain('sentry_client=acme.javascript.browser%2F0.1.0');
    const releaseOf = (server: IngestServer) => (server.received[0]!.envelope[1][0]![1] as Event).release;
    expect(releaseOf(b)).toBe('widget@2.0.0');
    expect(a.received.map((r) => (r.envelope[1][0]![1] as Event).release)).toEqual(['app@1.0.0', 'app@1.0.0']);
  });

  it('keeps rate limits per DSN', async () => {
    const transport = make(byTeam(a.dsn, b.dsn));
    a.respondWith({ kind: 'status', status: 429, headers: { 'retry-after': '60' } });
    await transport.send(teamEvent('a', 1));
    await transport.send(teamEvent('both', 2));
    await transport.send(teamEvent(undefined, 3));
    expect(a.received).toHaveLength(1);
    expect(b.received).toHaveLength(1);
    expect(main.received).toHaveLength(1);
    expect(recorder.drain()).toEqual([{ reason: 'ratelimit_backoff', category: 'error', quantity: 1 }]);
  });

  it('names the target DSN in the envelope header when a tunnel forwards', async () => {
    const transport = make(byTeam(a.dsn, b.dsn), { tunnel: `${main.url}/tunnel` });
    await transport.send(teamEvent('both', 1));
    await main.waitForEnvelopes(2);
    expect(main.received.map((r) => r.url)).toEqual(['/tunnel', '/tunnel']);
    expect(main.received.map((r) => r.envelope[0].dsn).sort()).toEqual([a.dsn, b.dsn].sort());
  });

  it('uses the default when the matcher throws or returns an invalid DSN', async () => {
    const transport = make(({ getEvent }) => {
      if (getEvent()?.tags?.team === 'bad') return ['not a dsn'];
      throw new Error('matcher bug');
    });
    await transport.send(teamEvent('bad', 1));
    await transport.send(teamEvent('x', 2));
    expect(main.received).toHaveLength(2);
  });

  it('flush waits for every DSN', async () => {
    const transport = make(byTeam(a.dsn, b.dsn));
    b.respondWith({ kind: 'hang' });
    void transport.send(teamEvent('both', 1)).then(undefined, () => undefined);
    await b.waitForEnvelopes(1);
    expect(await transport.flush(150)).toBe(false);
    await b.close();
    expect(await transport.flush(1_000)).toBe(true);
    b = await startIngestServer();
  });
});
