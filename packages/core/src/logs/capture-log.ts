import { callSyncHook, DEBUG_BUILD, debug, forEachOwnEntry } from '../lib';
import { getClient, getCurrentScope, type Scope } from '../scope';
import { _getSpanForScope } from '../tracing';
import type { Client, ClientOptions } from '../types';
import { addDefaultLogAttributes, nextTimestampSequence } from './default-log-attributes';
import { readMessage } from './fmt';
import { setOwn } from './set-own';
import { bufferLog } from './log-buffer';
import { serializeLog } from './serialize-log';
import { isLogThrottled } from '../throttle';
import type { Log, LogCaptureOptions, LogSeverityLevel } from './types';

let capturing = false;

/**
 * Captures one structured log: with `enableLogs` off (or no client) it returns at once, before
 * reading anything. Otherwise the log gets its default attributes, passes `beforeSendLog` and
 * joins the client's buffer (protocol.md §10). Never throws.
 */
export function captureLog(
  level: LogSeverityLevel,
  message: unknown,
  attributes?: unknown,
  options?: LogCaptureOptions,
): void {
  const client = (options?.scope ? options.scope.getClient() : undefined) ?? getClient();
  if (!client || client.getOptions().enableLogs !== true || !isClientEnabled(client)) return;
  if (capturing) {
    // a log from beforeSendLog, a hook or a getter run for another log would recurse
    DEBUG_BUILD && debug.warn('A log was made while another was being captured (in beforeSendLog?); it is dropped.');
    return;
  }
  capturing = true;
  try {
    recordLog(client, level, message, attributes, options?.scope ?? getCurrentScope());
  } catch (error) {
    DEBUG_BUILD && debug.error('Could not capture a log (an SDK error):', error);
    client.recordDroppedEvent('internal_sdk_error', 'log_item', 1);
  } finally {
    capturing = false;
  }
}

function recordLog(
  client: Client,
  level: LogSeverityLevel,
  message: unknown,
  input: unknown,
  scope: Scope,
): void {
  const options = client.getOptions();
  const now = Date.now();
  const { body, parameters } = readMessage(message);
  const attributes = copyAttributes(input);
  if (parameters) {
    attributes['sentry.message.template'] = parameters.template;
    parameters.values.forEach((value, index) => {
      attributes[`sentry.message.parameter.${index}`] = value;
    });
  }
  const span = _getSpanForScope(scope);
  addDefaultLogAttributes(attributes, options, scope, span, nextTimestampSequence(now));
  const traceId = span ? span.spanContext().traceId : scope.getPropagationContext().traceId;

  const log: Log = { level, message: body, attributes };
  client.emit('beforeCaptureLog', log);
  const sent = applyBeforeSendLog(log, options);
  if (!sent) {
    client.recordDroppedEvent('before_send', 'log_item', 1);
    return;
  }
  const { serialized, bytes } = serializeLog(sent, level, now / 1000, traceId, options.normalizeDepth);
  if (isLogThrottled(client)) {
    client.recordDroppedEvent('ratelimit_backoff', 'log_item', 1);
    client.recordDroppedEvent('ratelimit_backoff', 'log_byte', bytes);
    return;
  }
  bufferLog(client, serialized, bytes);
  if (DEBUG_BUILD && debug.isEnabled()) printLog(serialized.level, serialized.body);
  client.emit('afterCaptureLog', sent);
}

// Own enumerable keys only, each read guarded: a throwing getter loses its key, not the log.
function copyAttributes(input: unknown): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  if (typeof input !== 'object' || input === null) return attributes;
  forEachOwnEntry(input, (key, value) => setOwn(attributes, key, value));
  return attributes;
}

// Like beforeSend: null or undefined drops; a throw or a non-object keeps the log as it was.
function applyBeforeSendLog(log: Log, options: ClientOptions): Log | null {
  const hook = options.beforeSendLog;
  if (typeof hook !== 'function') return log;
  const copy: Log = { ...log, attributes: copyAttributes(log.attributes) };
  const result: unknown = callSyncHook('beforeSendLog', () => hook(copy) as unknown, log);
  if (result === null || result === undefined) return null;
  if (typeof result !== 'object') {
    DEBUG_BUILD && debug.warn(`beforeSendLog must return a log or null; it returned a ${typeof result}. The log is sent as it was.`);
    return log;
  }
  return result as Log;
}

function isClientEnabled(client: Client): boolean {
  const isEnabled = (client as { isEnabled?: () => boolean }).isEnabled;
  return typeof isEnabled !== 'function' || isEnabled.call(client) === true;
}

function printLog(level: LogSeverityLevel, body: string): void {
  const text = `[log:${level}] ${body}`;
  if (level === 'warn') debug.warn(text);
  else if (level === 'error' || level === 'fatal') debug.error(text);
  else debug.log(text);
}
