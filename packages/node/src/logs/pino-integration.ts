import * as diagnosticsChannel from 'node:diagnostics_channel';
import { getClient, type Integration, type LogSeverityLevel } from '@sentry-sdk/core';
import { captureLog, copyOwnEntries } from '@sentry-sdk/core/internal';
import { readRecordFields } from './read-record-fields';

const NAME = 'Pino';
// pino publishes each record it serializes on this TracingChannel (pino's docs/diagnostics.md)
const END_CHANNEL = 'tracing:pino_asJson:end';
const ALL_LEVELS: readonly LogSeverityLevel[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
// Fields pino writes for every record, which the log carries in its own fields.
const RECORD_FIELDS = ['level', 'time'];

/** Options of pinoIntegration. */
export interface PinoIntegrationOptions {
  /** The levels forwarded as logs; default all. Custom pino levels count as the standard level at or below them. */
  levels?: LogSeverityLevel[];
}

interface AsJsonMessage {
  instance?: object;
  arguments?: ArrayLike<unknown>;
  result?: unknown;
}

type Listener = (message: AsJsonMessage) => void;
const listeners = new Set<Listener>();
const messageKeys = new WeakMap<object, string>();

/** The log level of a pino level number: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
export function pinoLevelToLogLevel(level: number): LogSeverityLevel {
  if (level < 20) return 'trace';
  if (level < 30) return 'debug';
  if (level < 40) return 'info';
  if (level < 50) return 'warn';
  if (level < 60) return 'error';
  return 'fatal';
}

/**
 * Forwards what pino loggers write as structured logs (`sentry.origin` `auto.log.pino`): the
 * message as body, pino's level as log level, every other field of the record (bindings of child
 * loggers, merged objects, serialized errors; after pino's redaction) as attributes. Works for pino
 * loaded before or after `init`, through the diagnostics channel pino publishes (pino 9.10 and
 * later), so no worker thread or patching is involved. Needs `enableLogs: true`.
 * @example init({ dsn, enableLogs: true, integrations: [pinoIntegration({ levels: ['info', 'warn', 'error', 'fatal'] })] });
 */
export function pinoIntegration(input: PinoIntegrationOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<PinoIntegrationOptions>(input);
  const levels = new Set<LogSeverityLevel>(Array.isArray(options.levels) ? options.levels : ALL_LEVELS);
  return {
    name: NAME,
    setup(client) {
      const listener: Listener = (message) => {
        if (getClient() !== client || client.getOptions().enableLogs !== true) return;
        const number = message.arguments?.[2];
        const level = pinoLevelToLogLevel(typeof number === 'number' ? number : 30);
        if (levels.has(level)) forward(message, level);
      };
      if (listeners.size === 0) diagnosticsChannel.subscribe(END_CHANNEL, onRecord);
      listeners.add(listener);
      client.on('close', () => {
        listeners.delete(listener);
        if (listeners.size === 0) diagnosticsChannel.unsubscribe(END_CHANNEL, onRecord);
      });
    },
  };
}

function onRecord(message: unknown): void {
  if (typeof message !== 'object' || message === null) return;
  try {
    for (const listener of listeners) listener(message);
  } catch {
    // a record that cannot be forwarded must not break the logger that wrote it
  }
}

function forward(message: AsJsonMessage, level: LogSeverityLevel): void {
  if (typeof message.result !== 'string') return;
  const record = JSON.parse(message.result) as unknown;
  if (typeof record !== 'object' || record === null) return;
  const messageKey = readMessageKey(message.instance);
  const { message: body, attributes } = readRecordFields(record, messageKey, RECORD_FIELDS);
  attributes['sentry.origin'] = 'auto.log.pino';
  captureLog(level, body, attributes);
}

// `messageKey` lives under a private symbol of the logger (or of the parent a child inherits from).
function readMessageKey(instance: object | undefined): string {
  if (!instance) return 'msg';
  let key = messageKeys.get(instance);
  if (key !== undefined) return key;
  key = 'msg';
  for (let proto: object | null = instance; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const symbol = Object.getOwnPropertySymbols(proto).find((s) => s.description === 'pino.messageKey');
    const value: unknown = symbol ? (proto as Record<symbol, unknown>)[symbol] : undefined;
    if (typeof value === 'string') {
      key = value;
      break;
    }
  }
  messageKeys.set(instance, key);
  return key;
}
