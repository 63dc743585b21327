/** A crontab checked and rewritten in plain numbers, or why it cannot be sent. */
export type CrontabResult = { ok: true; value: string } | { ok: false; error: string };

interface Field {
  name: string;
  min: number;
  max: number;
  /** Names accepted for values, case-insensitive; index + `min` is the value. */
  names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 7 is Sunday as well, as in Vixie cron
  { name: 'day of week', min: 0, max: 7, names: DAYS },
];

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/**
 * Checks a 5-field crontab (minute hour day-of-month month day-of-week) with lists, ranges, steps,
 * month and weekday names (`JAN`, `MON`) and the macros `@yearly` … `@hourly`, and returns it in the
 * plain numeric form every crontab reader accepts (names become numbers, macros are expanded).
 * Extensions some schedulers know (`L`, `W`, `#`, `?`, a seconds field) are refused.
 * @example normalizeCrontab('30 4 * * mon-fri') // { ok: true, value: '30 4 * * 1-5' }
 */
export function normalizeCrontab(expression: string): CrontabResult {
  if (typeof expression !== 'string') return fail(`must be a string, not ${typeof expression}`);
  const trimmed = expression.trim();
  if (trimmed.startsWith('@')) {
    const expanded = MACROS[trimmed.toLowerCase()];
    return expanded ? { ok: true, value: expanded } : fail(`unknown macro "${trimmed}"`);
  }
  const parts = trimmed.split(/\s+/);
  if (parts.length !== FIELDS.length) {
    return fail(
      `"${trimmed}" has ${trimmed ? parts.length : 0} fields; a crontab has 5 (minute hour day-of-month month day-of-week)`,
    );
  }
  const out: string[] = [];
  for (let i = 0; i < FIELDS.length; i++) {
    const result = normalizeField(parts[i]!, FIELDS[i]!);
    if (typeof result !== 'string') return fail(`"${trimmed}": ${result.error}`);
    out.push(result);
  }
  return { ok: true, value: out.join(' ') };
}

function fail(error: string): CrontabResult {
  return { ok: false, error };
}

function normalizeField(text: string, field: Field): string | { error: string } {
  const items: string[] = [];
  for (const item of text.split(',')) {
    const result = normalizeItem(item, field);
    if (typeof result !== 'string') return result;
    items.push(result);
  }
  return items.join(',');
}

/** One list item: `*`, `N` or `N-M`, optionally followed by `/step`. */
function normalizeItem(item: string, field: Field): string | { error: string } {
  const slash = item.indexOf('/');
  const base = slash === -1 ? item : item.slice(0, slash);
  let out: string;
  if (base === '*') {
    out = '*';
  } else {
    const bounds = base.split('-');
    if (bounds.length > 2) return { error: `${field.name} "${item}" is not a value or a range` };
    const values: number[] = [];
    for (const bound of bounds) {
      const value = readValue(bound, field);
      if (typeof value !== 'number') return value;
      values.push(value);
    }
    if (values.length === 2 && values[0]! > values[1]!) {
      return { error: `${field.name} range "${base}" runs backwards` };
    }
    out = values.join('-');
  }
  if (slash === -1) return out;
  const step = item.slice(slash + 1);
  const span = field.max - field.min + 1;
  if (!/^\d+$/.test(step) || Number(step) < 1 || Number(step) > span) {
    return { error: `${field.name} step "${step}" must be a whole number from 1 to ${span}` };
  }
  return `${out}/${Number(step)}`;
}

function readValue(text: string, field: Field): number | { error: string } {
  let value: number;
  if (/^\d+$/.test(text)) {
    value = Number(text);
  } else {
    const index = field.names ? field.names.indexOf(text.toUpperCase()) : -1;
    if (index === -1)
      return { error: `${field.name} "${text}" is not a number${field.names ? ' or a name' : ''}` };
    value = index + field.min;
  }
  if (value < field.min || value > field.max) {
    return { error: `${field.name} ${value} is out of range (${field.min}-${field.max})` };
  }
  return value;
}
