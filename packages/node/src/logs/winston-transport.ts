import type { LogSeverityLevel } from '@sentry-sdk/core';
import { callGuarded, captureLog, debug, DEBUG_BUILD, formatConsoleArgs, parameterize, readProperty } from '@sentry-sdk/core/internal';
import { readRecordFields } from './read-record-fields';

/** Options of the transport createSentryWinstonTransport makes. */
export interface WinstonTransportOptions {
  /** The levels forwarded as logs; default all. Winston's levels map onto them (see winstonLevelToLogLevel). */
  levels?: LogSeverityLevel[];
}

/** What the transport needs of winston-transport's class: construction, `emit`, and a `log` to implement. */
type TransportClass = abstract new (...args: any[]) => { emit(event: string | symbol, ...args: any[]): boolean };

// winston's own keys on each record (the triple-beam symbols): the level before colorizing, and
// the arguments left over when no `splat` format filled the message's placeholders
const LEVEL = Symbol.for('level');
const SPLAT = Symbol.for('splat');
const PLACEHOLDER = /%[sdifjoOc]/;
const ALL_LEVELS: readonly LogSeverityLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
const LEVELS: Readonly<Record<string, LogSeverityLevel>> = {
  emerg: 'fatal',
  alert: 'fatal',
  crit: 'fatal',
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  warning: 'warn',
  notice: 'info',
  info: 'info',
  http: 'info',
  verbose: 'debug',
  debug: 'debug',
  silly: 'trace',
  trace: 'trace',
};

/** The log level of a winston level name (npm and syslog levels); other names count as `info`. */
export function winstonLevelToLogLevel(level: unknown): LogSeverityLevel {
  return typeof level === 'string' && Object.prototype.hasOwnProperty.call(LEVELS, level) ? LEVELS[level]! : 'info';
}

/**
 * A winston transport class that forwards records as structured logs (`sentry.origin`
 * `auto.log.winston`): the message as body, winston's level as log level, the record's other
 * fields (metadata, `defaultMeta`, child logger fields) as attributes. Pass winston-transport's
 * class; the SDK does not bundle winston. Needs `enableLogs: true`.
 * @example
 * import Transport from 'winston-transport';
 * const SentryTransport = Sentry.createSentryWinstonTransport(Transport, { levels: ['info', 'warn', 'error'] });
 * const logger = winston.createLogger({ transports: [new SentryTransport()] });
 */
export function createSentryWinstonTransport<T extends TransportClass>(Transport: T, options: WinstonTransportOptions = {}): T {
  if (!isConstructor(Transport)) {
    DEBUG_BUILD && debug.warn("createSentryWinstonTransport: pass winston-transport's class; it was not a class.");
    return Transport;
  }
  const configured = readProperty(options, 'levels');
  const levels = new Set<LogSeverityLevel>(
    callGuarded('reading option `levels`', () => (Array.isArray(configured) ? [...(configured as LogSeverityLevel[])] : ALL_LEVELS), ALL_LEVELS),
  );
  return callGuarded('createSentryWinstonTransport', () => sentryTransportOf(Transport, levels), Transport);
}

function sentryTransportOf<T extends TransportClass>(Transport: T, levels: ReadonlySet<LogSeverityLevel>): T {
  abstract class SentryWinstonTransport extends Transport {
    /** Called by winston for each record that passes the transport's level. */
    public log(info: unknown, callback?: () => void): void {
      try {
        forward(info, levels);
      } catch {
        // a record that cannot be forwarded must not break the logger that wrote it
      }
      setImmediate(() => this.emit('logged', info));
      if (typeof callback === 'function') callback();
    }
  }
  return SentryWinstonTransport;
}

function isConstructor(value: unknown): boolean {
  try {
    return typeof value === 'function' && typeof (value as { prototype?: unknown }).prototype === 'object';
  } catch {
    return false;
  }
}

function forward(info: unknown, levels: ReadonlySet<LogSeverityLevel>): void {
  if (typeof info !== 'object' || info === null) return;
  const record = info as Record<string | symbol, unknown>;
  const level = winstonLevelToLogLevel(record[LEVEL] ?? record['level']);
  if (!levels.has(level)) return;
  const { message, attributes } = readRecordFields(record, 'message', ['level']);
  attributes['sentry.origin'] = 'auto.log.winston';
  const splat = record[SPLAT];
  // logger.info('%s shipped', id) without format.splat(): the placeholders are still in the message
  const body =
    typeof message === 'string' && PLACEHOLDER.test(message) && Array.isArray(splat) && splat.length > 0
      ? parameterize(formatConsoleArgs([message, ...(splat as unknown[])]), message, splat as unknown[])
      : message;
  captureLog(level, body, attributes);
}
