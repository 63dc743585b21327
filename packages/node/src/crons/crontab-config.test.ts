import { describe, expect, it } from 'vitest';
import { crontabConfig } from './crontab-config';

describe('crontabConfig', () => {
  it('drops a leading seconds field and writes names and macros as numbers', () => {
    expect(crontabConfig('test', 'job', '*/10 30 4 * * mon-fri', undefined)).toEqual({
      schedule: { type: 'crontab', value: '30 4 * * 1-5' },
    });
    expect(crontabConfig('test', 'job', '0 3 * * *', 'Europe/Berlin')).toEqual({
      schedule: { type: 'crontab', value: '0 3 * * *' },
      timezone: 'Europe/Berlin',
    });
    expect(crontabConfig('test', 'job', '@hourly', undefined)).toEqual({
      schedule: { type: 'crontab', value: '0 * * * *' },
    });
  });

  it('gives no config for dates, other rules and crontab extensions Sentry does not read', () => {
    expect(crontabConfig('test', 'job', new Date(), undefined)).toBeUndefined();
    expect(crontabConfig('test', 'job', { second: 5 }, undefined)).toBeUndefined();
    expect(crontabConfig('test', 'job', '0 0 L * *', undefined)).toBeUndefined();
    expect(crontabConfig('test', 'job', '0 0 * * 5#3', undefined)).toBeUndefined();
  });

  it('keeps the schedule but leaves out a time zone that is not a tz database name', () => {
    expect(crontabConfig('test', 'job', '0 3 * * *', 'Moon/Base')).toEqual({
      schedule: { type: 'crontab', value: '0 3 * * *' },
    });
  });
});
