import { captureLog } from './capture-log';
import { fmt, type ParameterizedString } from './fmt';
import type { LogCaptureOptions } from './types';

/** One logger method: a message (plain or built with `logger.fmt`), then attributes. */
export type LogMethod = (
  message: ParameterizedString,
  attributes?: Record<string, unknown>,
  options?: LogCaptureOptions,
) => void;

/**
 * Structured logs sent to Sentry, linked to the active trace (protocol.md §10). Nothing is sent
 * unless `init` was given `enableLogs: true`; then a call costs no more than reading one option.
 * @example
 * Sentry.logger.info('Cart checked out', { items: 3, total: 42.5 });
 * Sentry.logger.warn(Sentry.logger.fmt`Payment ${paymentId} retried`);
 */
export const logger: {
  trace: LogMethod;
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  /** The same as `warn`, for those used to Python's level name. */
  warning: LogMethod;
  error: LogMethod;
  fatal: LogMethod;
  /** Tagged template that keeps the template and values apart, so logs group by template. */
  fmt: typeof fmt;
} = {
  trace: (message, attributes, options) => captureLog('trace', message, attributes, options),
  debug: (message, attributes, options) => captureLog('debug', message, attributes, options),
  info: (message, attributes, options) => captureLog('info', message, attributes, options),
  warn: (message, attributes, options) => captureLog('warn', message, attributes, options),
  warning: (message, attributes, options) => captureLog('warn', message, attributes, options),
  error: (message, attributes, options) => captureLog('error', message, attributes, options),
  fatal: (message, attributes, options) => captureLog('fatal', message, attributes, options),
  fmt,
};
