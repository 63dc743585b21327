import { crontabConfig } from './crontab-config';
import { monitorJob } from './monitor-job';
import { requireJobName } from './require-job-name';
import { withWrappedFunctions } from './with-wrapped-functions';

const CALLER = 'instrumentNodeSchedule';
const MECHANISM = 'auto.function.node-schedule';

type ScheduleJob = (...args: unknown[]) => unknown;

/**
 * Returns `node-schedule` with `scheduleJob(name, rule, method)` monitored: every run checks in to
 * the monitor `name` (required). A cron string rule (or `{ rule, tz }`) becomes the monitor's
 * schedule; other rules (dates, RecurrenceRule) check in without one, for a monitor set up in
 * Sentry. Errors of a run are captured and linked to its check-ins.
 * @example
 * import schedule from 'node-schedule';
 * const monitoredSchedule = Sentry.instrumentNodeSchedule(schedule);
 * monitoredSchedule.scheduleJob('nightly-report', '0 3 * * *', () => buildReport());
 */
export function instrumentNodeSchedule<T extends object>(nodeSchedule: T): T {
  return withWrappedFunctions(nodeSchedule, ['scheduleJob'], instrumentScheduleJob);
}

function instrumentScheduleJob(original: ScheduleJob): ScheduleJob {
  return function scheduleJob(this: unknown, ...args: unknown[]): unknown {
    // node-schedule reads a leading string as the name only when a rule and a method follow it
    const named = args.length >= 3 && typeof args[0] === 'string';
    const name = requireJobName(CALLER, named ? args[0] : undefined, 'the job name (first argument)');
    const [, rule, method, ...rest] = args;
    if (typeof method !== 'function') return original.apply(this, args);
    const { expression, tz } = readRule(rule);
    const job = monitorJob(
      name,
      method as (...a: unknown[]) => unknown,
      crontabConfig(CALLER, name, expression, tz),
      MECHANISM,
    );
    return original.call(this, name, rule, job, ...rest);
  };
}

function readRule(rule: unknown): { expression?: unknown; tz?: unknown } {
  if (typeof rule === 'string') return { expression: rule };
  if (rule === null || typeof rule !== 'object' || rule instanceof Date) return {};
  const { rule: expression, tz } = rule as { rule?: unknown; tz?: unknown };
  return { expression, tz };
}
