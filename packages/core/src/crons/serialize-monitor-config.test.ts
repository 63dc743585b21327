import { describe, expect, it } from 'vitest';
import { serializeMonitorConfig } from './serialize-monitor-config';

const errorOf = (config: unknown) => {
  const result = serializeMonitorConfig(config);
  if (result.ok) throw new Error(`expected ${JSON.stringify(config)} to be refused`);
  return result.error;
};

describe('serializeMonitorConfig', () => {
  it('converts every field to its wire name and leaves out unknown keys', () => {
    const result = serializeMonitorConfig({
      schedule: { type: 'crontab', value: '0 3 * * MON' },
      checkinMargin: 5,
      maxRuntime: 30,
      timezone: 'Europe/Berlin',
      failureIssueThreshold: 2,
      recoveryThreshold: 1,
      owner: 'team:backend',
      isolateTrace: true,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        schedule: { type: 'crontab', value: '0 3 * * 1' },
        checkin_margin: 5,
        max_runtime: 30,
        timezone: 'Europe/Berlin',
        failure_issue_threshold: 2,
        recovery_threshold: 1,
        owner: 'team:backend',
      },
    });
  });

  it('accepts interval schedules in each unit', () => {
    for (const unit of ['year', 'month', 'week', 'day', 'hour', 'minute'] as const) {
      expect(serializeMonitorConfig({ schedule: { type: 'interval', value: 2, unit } })).toEqual({
        ok: true,
        value: { schedule: { type: 'interval', value: 2, unit } },
      });
    }
  });

  it('requires a schedule and names what is wrong with it', () => {
    expect(errorOf({})).toBe('monitorConfig.schedule must be an object, not undefined');
    expect(errorOf({ schedule: { type: 'cron', value: '* * * * *' } })).toBe(
      'monitorConfig.schedule.type must be "crontab" or "interval", not "cron"',
    );
    expect(errorOf({ schedule: { type: 'crontab', value: '0 25 * * *' } })).toBe(
      'monitorConfig.schedule.value "0 25 * * *": hour 25 is out of range (0-23)',
    );
    expect(errorOf({ schedule: { type: 'crontab', value: 5 } })).toBe(
      'monitorConfig.schedule.value must be a crontab string, not 5',
    );
    expect(errorOf({ schedule: { type: 'interval', value: 1.5, unit: 'hour' } })).toContain(
      'monitorConfig.schedule.value must be a whole number of at least 1, not 1.5',
    );
    expect(errorOf({ schedule: { type: 'interval', value: 0, unit: 'hour' } })).toContain('not 0');
    expect(errorOf({ schedule: { type: 'interval', value: 3, unit: 'second' } })).toBe(
      'monitorConfig.schedule.unit must be one of year, month, week, day, hour, minute, not "second"',
    );
  });

  it('refuses numbers that are not whole, negative, or below 1 for thresholds', () => {
    const schedule = { type: 'interval', value: 1, unit: 'day' };
    expect(errorOf({ schedule, checkinMargin: -1 })).toBe(
      'monitorConfig.checkinMargin must be a whole number of at least 0, not -1',
    );
    expect(errorOf({ schedule, maxRuntime: 2.5 })).toContain('monitorConfig.maxRuntime');
    expect(errorOf({ schedule, maxRuntime: '30' })).toContain('not "30"');
    expect(errorOf({ schedule, failureIssueThreshold: 0 })).toContain(
      'monitorConfig.failureIssueThreshold must be a whole number of at least 1',
    );
    expect(errorOf({ schedule, recoveryThreshold: Number.NaN })).toContain('monitorConfig.recoveryThreshold');
  });

  it('accepts tz database names and refuses unknown zones and offsets', () => {
    const schedule = { type: 'crontab', value: '@daily' };
    for (const timezone of ['UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5', 'Asia/Kolkata']) {
      expect(serializeMonitorConfig({ schedule, timezone }).ok).toBe(true);
    }
    expect(errorOf({ schedule, timezone: 'Mars/Olympus_Mons' })).toBe(
      'monitorConfig.timezone "Mars/Olympus_Mons" is not a tz database name',
    );
    expect(errorOf({ schedule, timezone: '+02:00' })).toContain('is not a tz database name');
    expect(errorOf({ schedule, timezone: 3 })).toContain('monitorConfig.timezone 3');
  });

  it('checks the owner form', () => {
    const schedule = { type: 'crontab', value: '@daily' };
    expect(serializeMonitorConfig({ schedule, owner: 'user:ana@example.org' }).ok).toBe(true);
    expect(errorOf({ schedule, owner: 'ana' })).toBe(
      'monitorConfig.owner must be "user:<id>" or "team:<slug>", not "ana"',
    );
  });

  it('never throws on hostile input', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(errorOf(hostile)).toBe('monitorConfig could not be read');
    expect(errorOf(null)).toBe('monitorConfig must be an object');
    expect(errorOf({ schedule: { type: 'crontab', value: Symbol('x') } })).toContain('not a symbol');
  });
});
