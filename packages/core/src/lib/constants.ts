/** Strings longer than this are truncated in events (Python SDK's default; protocol.md §13). */
export const DEFAULT_MAX_VALUE_LENGTH = 100_000;

/** Breadcrumbs kept per scope and sent per event. */
export const DEFAULT_MAX_BREADCRUMBS = 100;

/** Envelopes in flight at most before new ones are dropped (`queue_overflow`). */
export const DEFAULT_QUEUE_SIZE = 100;

/** An enum object: each value under its own name in upper case (`in_progress` → `IN_PROGRESS`). */
function upperCaseKeyed<const T extends readonly string[]>(values: T): { readonly [V in T[number] as Uppercase<V>]: V } {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as {
    readonly [V in T[number] as Uppercase<V>]: V;
  };
}

/** Log levels of structured logs (protocol.md §10). */
export const LogLevel = /* @__PURE__ */ upperCaseKeyed(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];

/** Statuses of a cron check-in (protocol.md §9). */
export const MonitorStatus = /* @__PURE__ */ upperCaseKeyed(['ok', 'error', 'in_progress', 'timeout', 'unknown']);
export type MonitorStatus = (typeof MonitorStatus)[keyof typeof MonitorStatus];

/** Span templates that set `op` and name the way the AI monitoring views expect (protocol.md §12). */
export const SPANTEMPLATE = /* @__PURE__ */ upperCaseKeyed(['default', 'ai_agent', 'ai_tool', 'ai_chat']);
export type SPANTEMPLATE = (typeof SPANTEMPLATE)[keyof typeof SPANTEMPLATE];

/** Which instrumentation creates spans: this SDK, or OpenTelemetry. */
export const INSTRUMENTER = /* @__PURE__ */ upperCaseKeyed(['sentry', 'otel']);
export type INSTRUMENTER = (typeof INSTRUMENTER)[keyof typeof INSTRUMENTER];

/** Ingest endpoints the SDK can post to. */
export const EndpointType = /* @__PURE__ */ upperCaseKeyed(['envelope']);
export type EndpointType = (typeof EndpointType)[keyof typeof EndpointType];

/** Request-body compression the transports can apply (the `Content-Encoding` they send). */
export const CompressionAlgo = {
  GZIP: 'gzip',
  BROTLI: 'br',
} as const;
export type CompressionAlgo = (typeof CompressionAlgo)[keyof typeof CompressionAlgo];
