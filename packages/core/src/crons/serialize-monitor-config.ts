import { normalizeCrontab } from './normalize-crontab';
import type { MonitorIntervalUnit, MonitorSchedule, SerializedMonitorConfig } from './types';

/** A monitor config in its wire form, or a message naming the field at fault. */
export type MonitorConfigResult = { ok: true; value: SerializedMonitorConfig } | { ok: false; error: string };

const UNITS: readonly MonitorIntervalUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute'];

// camelCase option → wire name, and the smallest value Sentry makes sense of (all are integers)
const NUMBERS = [
  ['checkinMargin', 'checkin_margin', 0],
  ['maxRuntime', 'max_runtime', 0],
  ['failureIssueThreshold', 'failure_issue_threshold', 1],
  ['recoveryThreshold', 'recovery_threshold', 1],
] as const;

interface IntlGlobal {
  Intl?: { DateTimeFormat(locale?: string, options?: { timeZone?: string }): unknown };
}

/**
 * Checks a monitor config and converts it to the wire names (protocol.md §9): `schedule` is
 * required, a crontab must be a valid 5-field crontab, `timezone` a tz database name, counts and
 * minutes whole numbers. Unknown keys (such as `isolateTrace`) are left out. Never throws.
 */
export function serializeMonitorConfig(config: unknown): MonitorConfigResult {
  try {
    if (config === null || typeof config !== 'object') return fail('monitorConfig', 'must be an object');
    const input = config as Record<string, unknown>;
    const schedule = serializeSchedule(input['schedule']);
    if ('error' in schedule) return fail(`monitorConfig.schedule${schedule.at}`, schedule.error);
    const out: SerializedMonitorConfig = { schedule };
    for (const [name, wire, min] of NUMBERS) {
      const value = input[name];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
        return fail(
          `monitorConfig.${name}`,
          `must be a whole number of at least ${min}, not ${describe(value)}`,
        );
      }
      out[wire] = value;
    }
    const timezone = input['timezone'];
    if (timezone !== undefined) {
      if (!isTimezone(timezone))
        return fail('monitorConfig.timezone', `${describe(timezone)} is not a tz database name`);
      out.timezone = timezone;
    }
    const owner = input['owner'];
    if (owner !== undefined) {
      if (typeof owner !== 'string' || !/^(user|team):\S+$/.test(owner)) {
        return fail('monitorConfig.owner', `must be "user:<id>" or "team:<slug>", not ${describe(owner)}`);
      }
      out.owner = owner;
    }
    return { ok: true, value: out };
  } catch {
    return fail('monitorConfig', 'could not be read');
  }
}

function serializeSchedule(schedule: unknown): MonitorSchedule | { at: string; error: string } {
  if (schedule === null || typeof schedule !== 'object')
    return { at: '', error: `must be an object, not ${describe(schedule)}` };
  const { type, value, unit } = schedule as Record<string, unknown>;
  if (type === 'crontab') {
    if (typeof value !== 'string')
      return { at: '.value', error: `must be a crontab string, not ${describe(value)}` };
    const crontab = normalizeCrontab(value);
    return crontab.ok ? { type, value: crontab.value } : { at: '.value', error: crontab.error };
  }
  if (type === 'interval') {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      return { at: '.value', error: `must be a whole number of at least 1, not ${describe(value)}` };
    }
    if (!UNITS.includes(unit as MonitorIntervalUnit)) {
      return { at: '.unit', error: `must be one of ${UNITS.join(', ')}, not ${describe(unit)}` };
    }
    return { type, value, unit: unit as MonitorIntervalUnit };
  }
  return { at: '.type', error: `must be "crontab" or "interval", not ${describe(type)}` };
}

/** A tz database name the runtime knows (`Europe/Berlin`, `UTC`); offsets such as `+02:00` are not names. */
function isTimezone(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(value)) return false;
  const intl = (globalThis as unknown as IntlGlobal).Intl;
  if (!intl) return true;
  try {
    intl.DateTimeFormat(undefined, { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  return `a ${typeof value}`;
}

function fail(field: string, message: string): MonitorConfigResult {
  return { ok: false, error: `${field} ${message}` };
}
