import type { LogLevel } from '../lib';
import type { Scope } from '../scope';

/** The level of a structured log (protocol.md §10). */
export type LogSeverityLevel = LogLevel;

/** A log as `beforeSendLog` sees it: the body already formatted, the attributes as plain values. */
export interface Log {
  level: LogSeverityLevel;
  /** The body: the message with any `logger.fmt` parameters filled in. */
  message: string;
  /** Plain values; the SDK types them when it sends (objects become JSON strings). */
  attributes: Record<string, unknown>;
  /** Overrides the number the level implies (trace 1, debug 5, info 9, warn 13, error 17, fatal 21). */
  severityNumber?: number;
}

/** One typed attribute as the `log` item carries it. */
export type LogAttributeValue =
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'integer'; value: number }
  | { type: 'double'; value: number };

/** One log inside a `log` envelope item. */
export interface SerializedLog {
  /** Seconds since the epoch, with fractions. */
  timestamp: number;
  trace_id: string;
  level: LogSeverityLevel;
  severity_number: number;
  body: string;
  attributes: Record<string, LogAttributeValue>;
}

/** What the logger methods accept besides message and attributes. */
export interface LogCaptureOptions {
  /** The scope whose client, trace and user the log takes; default the current scope. */
  scope?: Scope;
}
