export { captureLog } from './capture-log';
export {
  consoleLoggingIntegration,
  type ConsoleLoggingOptions,
  type ConsoleLogLevel,
} from './console-logging-integration';
export { fmt, parameterize, type ParameterizedString } from './fmt';
export { formatConsoleArgs } from './format-console-args';
export { _getBufferedLogs, flushLogs, LOG_FLUSH_INTERVAL_MS, MAX_LOGS_PER_ENVELOPE, MAX_QUEUED_LOGS } from './log-buffer';
export { replaceLoneSurrogates, toLogAttribute } from './log-attribute';
export { logger, type LogMethod } from './logger';
export { SEVERITY_NUMBERS } from './serialize-log';
export type { Log, LogAttributeValue, LogCaptureOptions, LogSeverityLevel, SerializedLog } from './types';
