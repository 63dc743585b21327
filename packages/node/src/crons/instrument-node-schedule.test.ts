import schedule from 'node-schedule';
import type { IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInsOf, eventsOf, runsOf, startCronsClient, waitUntil } from './check-ins.test-helper';
import { instrumentNodeSchedule } from './instrument-node-schedule';

let ingest: IngestServer;
let stop: () => Promise<void>;
const jobs: schedule.Job[] = [];
beforeEach(async () => {
  ({ ingest, stop } = await startCronsClient());
});
afterEach(async () => {
  for (const job of jobs.splice(0)) job.cancel();
  await stop();
});

const finished = (slug: string) => () => runsOf(ingest, slug).some((run) => run.end !== undefined);

describe('instrumentNodeSchedule (node-schedule, real every-second schedules)', () => {
  it('monitors scheduleJob(name, cron, method) and passes the fire date through', async () => {
    const monitored = instrumentNodeSchedule(schedule);
    const fireDates: unknown[] = [];
    jobs.push(monitored.scheduleJob('ns-report', '* * * * * *', (fireDate) => void fireDates.push(fireDate)));
    await waitUntil(finished('ns-report'));
    const [run] = runsOf(ingest, 'ns-report').filter((r) => r.end);
    expect(run!.start.monitor_config).toEqual({ schedule: { type: 'crontab', value: '* * * * *' } });
    expect(run!.end).toMatchObject({ status: 'ok', duration: expect.any(Number), release: 'jobs@1.0.0' });
    expect(fireDates[0]).toBeInstanceOf(Date);
    expect(schedule.scheduledJobs['ns-report']).toBe(jobs[0]);
  });

  it('reads { rule, tz } and links the error of a failing run to its check-ins', async () => {
    const job = instrumentNodeSchedule(schedule).scheduleJob(
      'ns-failing',
      { rule: '*/1 * * * * *', tz: 'Asia/Tokyo' },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error('ns job failed');
      },
    );
    // node-schedule emits a failed run as the job's 'error' event
    const emitted: unknown[] = [];
    job.on('error', (error) => emitted.push(error));
    jobs.push(job);
    await waitUntil(() => finished('ns-failing')() && eventsOf(ingest).length > 0 && emitted.length > 0);

    const [run] = runsOf(ingest, 'ns-failing').filter((r) => r.end);
    expect(run!.start.monitor_config).toEqual({
      schedule: { type: 'crontab', value: '* * * * *' },
      timezone: 'Asia/Tokyo',
    });
    expect(run!.end!.status).toBe('error');
    const event = eventsOf(ingest)[0]!;
    expect(event.exception!.values![0]).toMatchObject({
      value: 'ns job failed',
      mechanism: { type: 'auto.function.node-schedule', handled: false },
    });
    expect(event.contexts!['trace']!['trace_id']).toBe(run!.start.contexts!.trace!.trace_id);
  });

  it('checks in without a schedule for rules that are not cron strings', async () => {
    const rule = new schedule.RecurrenceRule();
    rule.second = new schedule.Range(0, 59);
    jobs.push(instrumentNodeSchedule(schedule).scheduleJob('ns-recurrence', rule, () => undefined));
    await waitUntil(finished('ns-recurrence'));
    expect(
      checkInsOf(ingest)
        .filter((c) => c.monitor_slug === 'ns-recurrence')
        .every((c) => !c.monitor_config),
    ).toBe(true);
  });

  it('requires a job name', () => {
    expect(() => instrumentNodeSchedule(schedule).scheduleJob('* * * * *', () => undefined)).toThrow(
      'instrumentNodeSchedule: the job name (first argument) is required',
    );
  });
});
