/** Strings longer than this are truncated in events (Python SDK's default; protocol.md §13). */
export const DEFAULT_MAX_VALUE_LENGTH = 100_000;

/** Breadcrumbs kept per scope and sent per event. */
export const DEFAULT_MAX_BREADCRUMBS = 100;

/** Envelopes in flight at most before new ones are dropped (`queue_overflow`). */
export const DEFAULT_QUEUE_SIZE = 100;

/** Log levels of structured logs (protocol.md §10). */
export const LogLevel = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
  FATAL: 'fatal',
} as const;
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];

/** Statuses of a cron check-in (protocol.md §9). */
export const MonitorStatus = {
  OK: 'ok',
  ERROR: 'error',
  IN_PROGRESS: 'in_progress',
  TIMEOUT: 'timeout',
  UNKNOWN: 'unknown',
} as const;
export type MonitorStatus = (typeof MonitorStatus)[keyof typeof MonitorStatus];

/** Span templates that set `op` and name the way the AI monitoring views expect (protocol.md §12). */
export const SPANTEMPLATE = {
  DEFAULT: 'default',
  AI_AGENT: 'ai_agent',
  AI_TOOL: 'ai_tool',
  AI_CHAT: 'ai_chat',
} as const;
export type SPANTEMPLATE = (typeof SPANTEMPLATE)[keyof typeof SPANTEMPLATE];

/** Which instrumentation creates spans: this SDK, or OpenTelemetry. */
export const INSTRUMENTER = {
  SENTRY: 'sentry',
  OTEL: 'otel',
} as const;
export type INSTRUMENTER = (typeof INSTRUMENTER)[keyof typeof INSTRUMENTER];

/** Ingest endpoints the SDK can post to. */
export const EndpointType = {
  ENVELOPE: 'envelope',
} as const;
export type EndpointType = (typeof EndpointType)[keyof typeof EndpointType];

/** Request-body compression the transports can apply (the `Content-Encoding` they send). */
export const CompressionAlgo = {
  GZIP: 'gzip',
  BROTLI: 'br',
} as const;
export type CompressionAlgo = (typeof CompressionAlgo)[keyof typeof CompressionAlgo];
