import { callGuarded, DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import { crontabConfig } from './crontab-config';
import { monitorJob } from './monitor-job';
import { requireJobName } from './require-job-name';
import { withWrappedFunctions } from './with-wrapped-functions';

const CALLER = 'instrumentCron';
const MECHANISM = 'auto.function.cron';

// Positions in `new CronJob(cronTime, onTick, onComplete, start, timeZone, context, runOnInit,
// utcOffset, unrefTimeout, waitForCompletion, errorHandler, name, threshold)`.
const ON_TICK = 1;
const TIME_ZONE = 4;
const NAME = 11;

type Constructor = new (...args: any[]) => object;
interface CronJobParams {
  cronTime?: unknown;
  onTick?: unknown;
  timeZone?: unknown;
  name?: unknown;
}

/**
 * Monitors the jobs of the `cron` package. Pass the `CronJob` class or the whole module; you get
 * the same back with `new CronJob(...)` and `CronJob.from({...})` monitored: every tick checks in
 * to the monitor named by the job's `name` (required), with the job's cron time and `timeZone` as
 * the monitor's schedule. Errors of a tick are captured and linked to its check-ins.
 * @example
 * import * as cron from 'cron';
 * const { CronJob } = Sentry.instrumentCron(cron);
 * CronJob.from({ cronTime: '0 3 * * *', onTick: buildReport, name: 'nightly-report', start: true });
 */
export function instrumentCron<T extends object>(cronOrCronJob: T): T {
  if (typeof cronOrCronJob === 'function') {
    // a revoked Proxy cannot be wrapped: it is handed back as it came
    return callGuarded('instrumentCron', () => instrumentCronJob(cronOrCronJob) as unknown as T, cronOrCronJob);
  }
  return withWrappedFunctions(cronOrCronJob, ['CronJob'], (CronJob) =>
    instrumentCronJob(CronJob as unknown as Constructor),
  );
}

function instrumentCronJob(CronJob: Constructor): Constructor {
  if (typeof CronJob !== 'function') return CronJob;
  let from: ((params: CronJobParams) => unknown) | undefined;
  return new Proxy(CronJob, {
    construct(target, args: unknown[], newTarget) {
      const name = requireJobName(CALLER, args[NAME], 'the name argument');
      const monitored = [...args];
      monitored[ON_TICK] = monitorTick(name, args[ON_TICK], args[0], args[TIME_ZONE]);
      return Reflect.construct(target, monitored, newTarget) as object;
    },
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'from' || typeof value !== 'function') return value;
      // `from` builds the job with the class itself, not this proxy: its tick is wrapped once, here
      return (from ??= function (this: unknown, params: CronJobParams) {
        const name = requireJobName(CALLER, params?.name, 'params.name');
        const onTick = monitorTick(name, params.onTick, params.cronTime, params.timeZone);
        return (value as (params: CronJobParams) => unknown).call(this, { ...params, onTick });
      });
    },
  });
}

function monitorTick(name: string, onTick: unknown, cronTime: unknown, timeZone: unknown): unknown {
  if (typeof onTick !== 'function') {
    DEBUG_BUILD && debug.warn(`${CALLER}: job "${name}" runs a command; it is not monitored.`);
    return onTick;
  }
  return monitorJob(
    name,
    onTick as (...args: unknown[]) => unknown,
    crontabConfig(CALLER, name, cronTime, timeZone),
    MECHANISM,
  );
}
