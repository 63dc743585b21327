import { isError } from '../lib';
import { stringifyLogValue } from './log-attribute';

const PLACEHOLDERS = /%([sdifjoOc%])/g;
const HAS_PLACEHOLDER = /%[sdifjoOc]/;

/** True when `value` is a console format string: a string with at least one `%s`-style placeholder. */
export function hasPlaceholders(value: unknown): value is string {
  return typeof value === 'string' && HAS_PLACEHOLDER.test(value);
}

function guarded(read: () => string, fallback: string): string {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** A value the way the console shows it beside others: errors with their stack, objects as JSON. */
function inspectValue(value: unknown, depth: number): string {
  return guarded(() => {
    if (!isError(value)) return stringifyLogValue(value, depth);
    const { stack, name, message } = value;
    return typeof stack === 'string' && stack ? stack : `${String(name)}: ${String(message)}`;
  }, '[value cannot be serialized]');
}

// A toString the user defined, which the console calls for %s; the built-in ones print nothing useful.
function userToString(value: object): ((this: object) => unknown) | undefined {
  const method = (value as { toString?: unknown }).toString;
  return typeof method === 'function' && method !== Object.prototype.toString && method !== Array.prototype.toString
    ? (method as (this: object) => unknown)
    : undefined;
}

function formatString(value: unknown, depth: number): string {
  if (typeof value === 'bigint') return `${value.toString()}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'object' && value !== null && !isError(value)) {
    const toString = userToString(value);
    if (toString) return String(toString.call(value));
  }
  return typeof value === 'object' || typeof value === 'function' ? inspectValue(value, depth) : stringifyLogValue(value);
}

function formatPlaceholder(kind: string, value: unknown, depth: number): string {
  switch (kind) {
    case 's':
      return guarded(() => formatString(value, depth), '[value cannot be serialized]');
    case 'd':
    case 'i':
      if (typeof value === 'bigint') return `${value.toString()}n`;
      if (typeof value === 'symbol') return 'NaN';
      return guarded(() => String(kind === 'd' ? Number(value) : parseInt(String(value), 10)), 'NaN');
    case 'f':
      return typeof value === 'symbol' ? 'NaN' : guarded(() => String(parseFloat(String(value))), 'NaN');
    case 'j':
      return guarded(() => JSON.stringify(value) ?? 'undefined', '[Circular]');
    case 'c':
      // CSS for the browser console: consumed, never printed
      return '';
    default:
      return inspectValue(value, depth);
  }
}

/**
 * The text a console call prints for `args`, as Node's `util.format` and the browser console build
 * it: a first string argument fills its `%s %d %i %f %j %o %O %c` placeholders (and turns `%%` into
 * `%`) from the arguments that follow; the rest are appended, separated by spaces. Objects are
 * shown as JSON of their normalized form. Never throws.
 */
export function formatConsoleArgs(args: readonly unknown[], depth = 3): string {
  if (args.length === 0) return '';
  const first = args[0];
  let next = 1;
  let text: string;
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    text = first.replace(PLACEHOLDERS, (match: string, kind: string) => {
      if (kind === '%') return '%';
      if (next >= args.length) return match;
      return formatPlaceholder(kind, args[next++], depth);
    });
  } else {
    text = inspectValue(first, depth);
  }
  for (; next < args.length; next++) {
    const value = args[next];
    text += ` ${typeof value === 'string' ? value : inspectValue(value, depth)}`;
  }
  return text;
}
