import { DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import { crontabConfig } from './crontab-config';
import { monitorJob } from './monitor-job';
import { requireJobName } from './require-job-name';
import { withWrappedFunctions } from './with-wrapped-functions';

const CALLER = 'instrumentNodeCron';
const MECHANISM = 'auto.function.node-cron';

type Schedule = (
  expression: string,
  task: unknown,
  options?: { name?: unknown; timezone?: unknown },
  ...rest: unknown[]
) => unknown;

/**
 * Returns `node-cron` with `schedule` and `createTask` monitored: every run of a job checks in to
 * the monitor named by the job's `name` option (required), with the job's cron expression and
 * `timezone` as the monitor's schedule. Errors of a run are captured and linked to its check-ins.
 * Background tasks (a file path instead of a function) are scheduled unmonitored.
 * @example
 * import cron from 'node-cron';
 * const monitoredCron = Sentry.instrumentNodeCron(cron);
 * monitoredCron.schedule('0 3 * * *', () => buildReport(), { name: 'nightly-report' });
 */
export function instrumentNodeCron<T extends object>(nodeCron: T): T {
  return withWrappedFunctions(nodeCron, ['schedule', 'createTask'], (original) =>
    instrumentSchedule(original as Schedule),
  );
}

function instrumentSchedule(original: Schedule): Schedule {
  return function schedule(this: unknown, expression, task, options, ...rest: unknown[]) {
    const name = requireJobName(CALLER, options?.name, 'options.name');
    if (typeof task !== 'function') {
      DEBUG_BUILD && debug.warn(`${CALLER}: job "${name}" runs a background task file; it is not monitored.`);
      return original.call(this, expression, task, options, ...rest);
    }
    const config = crontabConfig(CALLER, name, expression, options?.timezone);
    const job = monitorJob(name, task as (...args: unknown[]) => unknown, config, MECHANISM);
    return original.call(this, expression, job, options, ...rest);
  };
}
