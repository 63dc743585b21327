import cron, { type ScheduledTask } from 'node-cron';
import type { IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsOf, runsOf, startCronsClient, waitUntil } from './check-ins.test-helper';
import { instrumentNodeCron } from './instrument-node-cron';

let ingest: IngestServer;
let stop: () => Promise<void>;
const tasks: ScheduledTask[] = [];
beforeEach(async () => {
  ({ ingest, stop } = await startCronsClient());
});
afterEach(async () => {
  for (const task of tasks.splice(0)) await task.destroy();
  await stop();
});

// node-cron logs a failing run itself; the test keeps its output quiet
const silent = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};
const finished = (slug: string) => () => runsOf(ingest, slug).some((run) => run.end !== undefined);

describe('instrumentNodeCron (node-cron, real every-second schedules)', () => {
  it('checks each run in with the job name and schedule, and links the error of a failing run', async () => {
    const monitored = instrumentNodeCron(cron);
    let okRuns = 0;
    tasks.push(
      monitored.schedule(
        '* * * * * *',
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          okRuns++;
        },
        { name: 'nc-report', timezone: 'Europe/Berlin' },
      ),
      monitored.schedule(
        '* 0-59/1 * * * *',
        () => {
          throw new Error('nc job failed');
        },
        { name: 'nc-failing', logger: silent },
      ),
    );
    await waitUntil(() => finished('nc-report')() && finished('nc-failing')() && eventsOf(ingest).length > 0);

    const [ok] = runsOf(ingest, 'nc-report').filter((run) => run.end);
    expect(okRuns).toBeGreaterThan(0);
    expect(ok!.start).toMatchObject({
      status: 'in_progress',
      release: 'jobs@1.0.0',
      environment: 'production',
      // the seconds field is dropped: Sentry schedules by the minute
      monitor_config: { schedule: { type: 'crontab', value: '* * * * *' }, timezone: 'Europe/Berlin' },
    });
    expect(ok!.end).toMatchObject({ status: 'ok', monitor_config: ok!.start.monitor_config });
    expect(ok!.end!.duration).toBeGreaterThan(0.015);

    const [failed] = runsOf(ingest, 'nc-failing').filter((run) => run.end);
    expect(failed!.end).toMatchObject({ status: 'error', duration: expect.any(Number) });
    expect(failed!.start.monitor_config).toEqual({ schedule: { type: 'crontab', value: '0-59/1 * * * *' } });

    const event = eventsOf(ingest).find((e) => e.exception?.values?.[0]?.value === 'nc job failed')!;
    expect(event.exception!.values![0]!.mechanism).toMatchObject({
      type: 'auto.function.node-cron',
      handled: false,
    });
    const traceIds = runsOf(ingest, 'nc-failing').map((run) => run.start.contexts!.trace!.trace_id);
    expect(traceIds).toContain(event.contexts!['trace']!['trace_id']);
    // each run has a trace of its own
    expect(ok!.start.contexts!.trace!.trace_id).not.toBe(failed!.start.contexts!.trace!.trace_id);
    expect(ok!.start.envelopeTrace).toMatchObject({ trace_id: ok!.start.contexts!.trace!.trace_id });
  });

  it('monitors createTask as well, and passes node-cron its context argument', async () => {
    const contexts: unknown[] = [];
    const task = instrumentNodeCron(cron).createTask(
      '* * * * * *',
      (context) => void contexts.push(context),
      {
        name: 'nc-created',
      },
    );
    tasks.push(task);
    await task.start();
    await waitUntil(finished('nc-created'));
    expect(contexts[0]).toMatchObject({ date: expect.any(Date) });
  });

  it('requires a name, where the job is defined', () => {
    expect(() => instrumentNodeCron(cron).schedule('* * * * *', () => undefined)).toThrow(
      'instrumentNodeCron: options.name is required',
    );
  });

  it('leaves the rest of node-cron as it was', () => {
    const monitored = instrumentNodeCron(cron);
    expect(monitored.validate).toBe(cron.validate);
    expect(monitored.validate('61 * * * *')).toBe(false);
  });
});
