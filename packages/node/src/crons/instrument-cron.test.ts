import * as cronModule from 'cron';
import type { IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsOf, runsOf, startCronsClient, waitUntil } from './check-ins.test-helper';
import { instrumentCron } from './instrument-cron';

let ingest: IngestServer;
let stop: () => Promise<void>;
const jobs: cronModule.CronJob<null, unknown>[] = [];
beforeEach(async () => {
  ({ ingest, stop } = await startCronsClient());
});
afterEach(async () => {
  for (const job of jobs.splice(0)) await job.stop();
  await stop();
});

const finished = (slug: string) => () => runsOf(ingest, slug).some((run) => run.end !== undefined);

describe('instrumentCron (cron, real every-second schedules)', () => {
  it('monitors `new CronJob(...)` with its name, cron time and time zone, keeping `this` and onComplete', async () => {
    const { CronJob } = instrumentCron(cronModule);
    const receivers: unknown[] = [];
    const job = new CronJob(
      '* * * * * *',
      function (this: unknown, onComplete) {
        receivers.push(this, typeof onComplete);
      },
      () => undefined,
      true,
      'America/New_York',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'cron-ctor',
    );
    jobs.push(job as never);
    expect(job).toBeInstanceOf(cronModule.CronJob);
    expect(job).toBeInstanceOf(CronJob);
    await waitUntil(finished('cron-ctor'));

    const [run] = runsOf(ingest, 'cron-ctor').filter((r) => r.end);
    expect(run!.start.monitor_config).toEqual({
      schedule: { type: 'crontab', value: '* * * * *' },
      timezone: 'America/New_York',
    });
    expect(run!.end).toMatchObject({ status: 'ok', duration: expect.any(Number) });
    // cron calls onTick with the job as `this` (no context given) and the onComplete callback
    expect(receivers.slice(0, 2)).toEqual([job, 'function']);
  });

  it('monitors `CronJob.from({...})` and links the error of a failing async tick', async () => {
    const CronJob = instrumentCron(cronModule.CronJob);
    const handled: unknown[] = [];
    jobs.push(
      CronJob.from({
        cronTime: '* * * * * SUN-SAT',
        onTick: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          throw new Error('cron tick failed');
        },
        name: 'cron-from',
        start: true,
        // cron hands rejected ticks to errorHandler, after the SDK captured them
        errorHandler: (error) => handled.push(error),
      }),
    );
    await waitUntil(() => finished('cron-from')() && eventsOf(ingest).length > 0);

    const [run] = runsOf(ingest, 'cron-from').filter((r) => r.end);
    expect(run!.start.monitor_config).toEqual({ schedule: { type: 'crontab', value: '* * * * 0-6' } });
    expect(run!.end).toMatchObject({ status: 'error', duration: expect.any(Number) });
    const event = eventsOf(ingest)[0]!;
    expect(event.exception!.values![0]).toMatchObject({
      value: 'cron tick failed',
      mechanism: { type: 'auto.function.cron', handled: false },
    });
    expect(event.contexts!['trace']!['trace_id']).toBe(run!.start.contexts!.trace!.trace_id);
    expect(handled[0]).toBeInstanceOf(Error);
  });

  it('requires a name, in both forms', () => {
    const { CronJob } = instrumentCron(cronModule);
    expect(() => new CronJob('* * * * *', () => undefined)).toThrow(
      'instrumentCron: the name argument is required',
    );
    expect(() => CronJob.from({ cronTime: '* * * * *', onTick: () => undefined })).toThrow(
      'instrumentCron: params.name is required',
    );
  });
});
