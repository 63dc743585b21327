import { DEBUG_BUILD, debug, normalizeCrontab, serializeMonitorConfig } from '@sentry-sdk/core/internal';
import type { MonitorConfig } from '@sentry-sdk/core';

/**
 * The monitor config for a scheduler's cron expression and time zone. A leading seconds field
 * (6 fields) is dropped, since Sentry schedules by the minute; names and macros become numbers.
 * Undefined when there is no cron string, or it cannot be written as a 5-field crontab (`L`, `#`, …):
 * the job's check-ins then carry no config and need a monitor set up in Sentry.
 */
export function crontabConfig(
  caller: string,
  jobName: string,
  expression: unknown,
  timezone: unknown,
): MonitorConfig | undefined {
  if (typeof expression !== 'string') return undefined;
  const fields = expression.trim().split(/\s+/);
  const minutes =
    fields.length === 6 && !fields[0]!.startsWith('@') ? fields.slice(1).join(' ') : fields.join(' ');
  const crontab = normalizeCrontab(minutes);
  if (!crontab.ok) {
    DEBUG_BUILD &&
      debug.warn(
        `${caller}: the schedule of job "${jobName}" is not a crontab Sentry reads (${crontab.error}); its check-ins carry no monitor config.`,
      );
    return undefined;
  }
  const config: MonitorConfig = { schedule: { type: 'crontab', value: crontab.value } };
  if (typeof timezone === 'string' && timezone) config.timezone = timezone;
  const checked = serializeMonitorConfig(config);
  if (!checked.ok) {
    DEBUG_BUILD &&
      debug.warn(`${caller}: job "${jobName}": ${checked.error}; its check-ins carry no time zone.`);
    delete config.timezone;
  }
  return config;
}
