import { join } from 'node:path';
import type { SerializedCheckIn } from '@sentry-sdk/core';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { receivedEvents, runSubject } from '../runtime-lib/run-subject';

const script = join(import.meta.dirname, 'subject.cjs');
let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await ingest.close();
});

const checkIns = (): SerializedCheckIn[] =>
  ingest.received.flatMap(({ envelope }) =>
    envelope[1]
      .filter(([item]) => item.type === 'check_in')
      .map(([, payload]) => payload as SerializedCheckIn),
  );

describe('a cron process that exits right after its job', () => {
  it('ending on its own, still sends the final check-in', async () => {
    const result = await runSubject(script, ingest, { env: { EXIT: 'natural' } });
    expect(result.stdout).toBe('report ready\n');
    expect(result.code).toBe(0);
    const [start, end, ...rest] = checkIns();
    expect(rest).toEqual([]);
    expect(start).toMatchObject({
      monitor_slug: 'nightly-report',
      status: 'in_progress',
      release: 'jobs@2.0.0',
    });
    expect(end).toMatchObject({ check_in_id: start!.check_in_id, status: 'ok' });
    expect(end!.duration).toBeGreaterThanOrEqual(0.015);
    expect(end!.monitor_config).toEqual({
      schedule: { type: 'crontab', value: '0 3 * * *' },
      max_runtime: 10,
    });
  });

  it('calling process.exit() after `await Sentry.flush()`, sends the error check-in and the error', async () => {
    const result = await runSubject(script, ingest, { env: { EXIT: 'flush', FAIL: '1' } });
    expect(result.stdout).toBe('failed: report source unavailable\n');
    expect(result.code).toBe(1);
    const [start, end] = checkIns();
    expect(end).toMatchObject({
      check_in_id: start!.check_in_id,
      status: 'error',
      duration: expect.any(Number),
    });
    const [event] = receivedEvents(ingest);
    expect(event!.exception!.values![0]!.value).toBe('report source unavailable');
    expect(event!.contexts!['trace']!['trace_id']).toBe(end!.contexts!.trace!.trace_id);
  });

  it('calling process.exit() without flushing loses the final check-in (why the README says to flush)', async () => {
    const result = await runSubject(script, ingest, { env: { EXIT: 'immediate' } });
    expect(result.code).toBe(0);
    expect(checkIns().filter((checkIn) => checkIn.status !== 'in_progress')).toEqual([]);
  });
});
