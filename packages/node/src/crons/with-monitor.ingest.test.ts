// withMonitor and captureCheckIn from core, through the Node client and transport, to a real ingest server.
import { captureCheckIn, captureException, flush, monitor, withMonitor } from '@sentry-sdk/core';
import type { IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInsOf, eventsOf, runsOf, startCronsClient } from './check-ins.test-helper';

let ingest: IngestServer;
let stop: () => Promise<void>;
beforeEach(async () => {
  ({ ingest, stop } = await startCronsClient({ environment: 'batch' }));
});
afterEach(async () => {
  await stop();
});

const config = {
  schedule: { type: 'crontab', value: '0 3 * * MON-FRI' },
  checkinMargin: 5,
  maxRuntime: 30,
  timezone: 'Europe/Berlin',
  failureIssueThreshold: 2,
  recoveryThreshold: 1,
  owner: 'team:reports',
} as const;

describe('withMonitor against a real ingest server', () => {
  it('sends in_progress then ok, with the config in wire names, the trace, and the SDK headers', async () => {
    const result = await withMonitor(
      'nightly-report',
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return 'report ready';
      },
      config,
    );
    expect(result).toBe('report ready');
    await ingest.waitForEnvelopes(2);

    const [run] = runsOf(ingest, 'nightly-report');
    const wireConfig = {
      schedule: { type: 'crontab', value: '0 3 * * 1-5' },
      checkin_margin: 5,
      max_runtime: 30,
      timezone: 'Europe/Berlin',
      failure_issue_threshold: 2,
      recovery_threshold: 1,
      owner: 'team:reports',
    };
    expect(run!.start).toMatchObject({
      check_in_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      status: 'in_progress',
      environment: 'batch',
      release: 'jobs@1.0.0',
      monitor_config: wireConfig,
    });
    expect(run!.end).toMatchObject({ status: 'ok', monitor_config: wireConfig });
    expect(run!.end!.duration).toBeGreaterThanOrEqual(0.025);
    expect(run!.start.contexts!.trace).toEqual(run!.end!.contexts!.trace);
    expect(run!.start.envelopeTrace).toMatchObject({
      trace_id: run!.start.contexts!.trace!.trace_id,
      public_key: 'ab12cd34ef56ab12cd34ef56ab12cd34',
      environment: 'batch',
      release: 'jobs@1.0.0',
    });
    const { envelope, url } = ingest.received[0]!;
    expect(envelope[0].sdk).toMatchObject({ name: 'oss.javascript.node' });
    expect(envelope[0].sent_at).toEqual(expect.any(String));
    expect(url).toMatch(/^\/api\/4711\/envelope\//);
  });

  it('sends error for a job that throws, and the captured error shares the check-ins trace', async () => {
    const failure = new Error('upstream unavailable');
    expect(() =>
      withMonitor('sync-prices', () => {
        throw failure;
      }),
    ).toThrow(failure);
    // as the app's own handler would report it, after the run
    captureException(failure);
    await ingest.waitForEnvelopes(3);

    const [run] = runsOf(ingest, 'sync-prices');
    expect(run!.end).toMatchObject({ status: 'error', duration: expect.any(Number) });
    expect(run!.start).not.toHaveProperty('monitor_config');
    const [event] = eventsOf(ingest);
    expect(event!.contexts!['trace']!['trace_id']).toBe(run!.start.contexts!.trace!.trace_id);
  });

  it('decorates a class method with @monitor', async () => {
    class Jobs {
      @monitor('cleanup', { schedule: { type: 'interval', value: 6, unit: 'hour' } })
      public async cleanup(): Promise<number> {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return 3;
      }
    }
    expect(await new Jobs().cleanup()).toBe(3);
    await ingest.waitForEnvelopes(2);
    expect(checkInsOf(ingest).map((c) => [c.status, c.monitor_config?.schedule])).toEqual([
      ['in_progress', { type: 'interval', value: 6, unit: 'hour' }],
      ['ok', { type: 'interval', value: 6, unit: 'hour' }],
    ]);
  });

  it('honours a monitor rate limit: later check-ins are dropped and reported, errors still go out', async () => {
    ingest.respondWith({
      kind: 'status',
      status: 200,
      headers: { 'x-sentry-rate-limits': '60:monitor:key' },
    });
    captureCheckIn({ monitorSlug: 'limited', status: 'ok' });
    await flush(2000); // the transport has read the answer's rate limits
    ingest.respondWith({ kind: 'status', status: 200 });

    captureCheckIn({ monitorSlug: 'limited', status: 'ok' });
    captureException(new Error('still sent'));
    await flush(2000);

    expect(checkInsOf(ingest)).toHaveLength(1);
    expect(eventsOf(ingest).map((e) => e.exception!.values![0]!.value)).toEqual(['still sent']);
    const reports = ingest.received.flatMap(({ envelope }) =>
      envelope[1].filter(([item]) => item.type === 'client_report').map(([, payload]) => payload),
    );
    expect(reports).toContainEqual(
      expect.objectContaining({
        discarded_events: expect.arrayContaining([
          { reason: 'ratelimit_backoff', category: 'monitor', quantity: 1 },
        ]),
      }),
    );
  });
});
