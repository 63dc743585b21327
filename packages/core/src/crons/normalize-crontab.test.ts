import { describe, expect, it } from 'vitest';
import { normalizeCrontab } from './normalize-crontab';

const valueOf = (expression: string) => {
  const result = normalizeCrontab(expression);
  if (!result.ok) throw new Error(`expected "${expression}" to be valid: ${result.error}`);
  return result.value;
};
const errorOf = (expression: string) => {
  const result = normalizeCrontab(expression);
  if (result.ok) throw new Error(`expected "${expression}" to be refused, got "${result.value}"`);
  return result.error;
};

describe('normalizeCrontab', () => {
  it('accepts plain, list, range and step fields and keeps them as written', () => {
    expect(valueOf('0 3 * * *')).toBe('0 3 * * *');
    expect(valueOf('*/15 9-17 1,15 */2 1-5')).toBe('*/15 9-17 1,15 */2 1-5');
    expect(valueOf('5-55/10 0 31 12 7')).toBe('5-55/10 0 31 12 7');
    expect(valueOf('7/20 * * * *')).toBe('7/20 * * * *');
  });

  it('collapses whitespace and trims', () => {
    expect(valueOf('  0\t3   *  * *\n')).toBe('0 3 * * *');
  });

  it('turns month and weekday names (any case) into numbers', () => {
    expect(valueOf('0 3 * JAN,jun-Aug MON-FRI')).toBe('0 3 * 1,6-8 1-5');
    expect(valueOf('30 4 * dec sun,sat')).toBe('30 4 * 12 0,6');
  });

  it('expands the macros', () => {
    expect(valueOf('@daily')).toBe('0 0 * * *');
    expect(valueOf('@midnight')).toBe('0 0 * * *');
    expect(valueOf('@HOURLY')).toBe('0 * * * *');
    expect(valueOf('@weekly')).toBe('0 0 * * 0');
    expect(valueOf('@monthly')).toBe('0 0 1 * *');
    expect(valueOf('@yearly')).toBe('0 0 1 1 *');
    expect(valueOf('@annually')).toBe('0 0 1 1 *');
  });

  it('names the field and the value that is out of range', () => {
    expect(errorOf('61 * * * *')).toBe('"61 * * * *": minute 61 is out of range (0-59)');
    expect(errorOf('0 24 * * *')).toContain('hour 24 is out of range (0-23)');
    expect(errorOf('0 0 0 * *')).toContain('day of month 0 is out of range (1-31)');
    expect(errorOf('0 0 * 13 *')).toContain('month 13 is out of range (1-12)');
    expect(errorOf('0 0 * * 8')).toContain('day of week 8 is out of range (0-7)');
  });

  it('refuses a wrong number of fields, including a seconds field', () => {
    expect(errorOf('* * * *')).toContain('has 4 fields; a crontab has 5');
    expect(errorOf('*/5 * * * * *')).toContain('has 6 fields');
    expect(errorOf('')).toContain('has 0 fields');
  });

  it('refuses malformed items', () => {
    expect(errorOf('*/0 * * * *')).toContain('minute step "0" must be a whole number from 1 to 60');
    expect(errorOf('*/ * * * *')).toContain('minute step ""');
    expect(errorOf('1,,2 * * * *')).toContain('minute "" is not a number');
    expect(errorOf('0 17-9 * * *')).toContain('hour range "17-9" runs backwards');
    expect(errorOf('0 0 * * MON-FRI-SAT')).toContain('is not a value or a range');
    expect(errorOf('0 0 * * FOO')).toContain('day of week "FOO" is not a number or a name');
    expect(errorOf('0 MON * * *')).toContain('hour "MON" is not a number');
    expect(errorOf('1.5 * * * *')).toContain('minute "1.5" is not a number');
  });

  it('refuses the extensions of some schedulers and unknown macros', () => {
    expect(errorOf('0 0 L * *')).toContain('day of month "L"');
    expect(errorOf('0 0 * * 5#3')).toContain('day of week "5#3"');
    expect(errorOf('0 0 ? * *')).toContain('day of month "?"');
    expect(errorOf('@reboot')).toBe('unknown macro "@reboot"');
  });

  it('refuses what is not a string without throwing', () => {
    expect(normalizeCrontab(42 as unknown as string)).toEqual({
      ok: false,
      error: 'must be a string, not number',
    });
  });
});
