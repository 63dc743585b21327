import type { ClientLike } from '@sentry-sdk/core';
import { callGuarded, markFunctionWrapped } from '@sentry-sdk/core/internal';
import {
  getRecordingOptions,
  shouldSendDefaultPii,
  startDbOperation,
  type DbRecording,
  type DbRecordingOptions,
} from './db-operation';
import { registerModuleHook } from './module-hooks';
import { toRedisBatchOperation, toRedisOperation, type RedisConnection } from './redis-operation';
import { subscribeTracingChannel, type TracingMessage } from './tracing-channel-recorder';

/** The parts of an ioredis 5 `Redis` instance and `Command` that are read. */
interface IoRedis {
  options?: { host?: unknown; port?: unknown; db?: unknown };
  condition?: { select?: unknown };
}
interface IoRedisCommand {
  name?: unknown;
  args?: unknown[];
  resolve?: unknown;
  reject?: unknown;
}
type SendCommand = (this: IoRedis, command: IoRedisCommand, ...rest: unknown[]) => unknown;

const ORIGIN = 'auto.db.ioredis';
const optionsByClient = new WeakMap<ClientLike, DbRecordingOptions>();
const patched = new WeakSet<object>();
const recorded = new WeakSet<object>();
let installed = false;

/**
 * Records ioredis commands as `db.redis` spans and `redis` breadcrumbs: ioredis 6 through the
 * `ioredis:command` and `ioredis:batch` tracing channels it publishes (one span per command,
 * pipelined ones included, plus one `MULTI` span per transaction; the arguments as ioredis
 * sanitizes them), ioredis 5 by patching `Redis.prototype.sendCommand` when it loads.
 */
export function instrumentIoredis(client: ClientLike, options: DbRecordingOptions): void {
  optionsByClient.set(client, options);
  if (installed) return;
  installed = true;
  subscribeTracingChannel('ioredis:command', (message) =>
    start(message, (connection) =>
      toRedisOperation(
        connection,
        { name: String(message['command']), args: asArray(message['args']) },
        false, // ioredis hands over its sanitized arguments only
      ),
    ),
  );
  subscribeTracingChannel('ioredis:batch', (message) =>
    start(message, (connection) => {
      const operation = toRedisBatchOperation(connection, 'MULTI', [], false);
      const size = message['batchSize'];
      if (typeof size === 'number') operation.attributes['db.operation.batch.size'] = size;
      return operation;
    }),
  );
  registerModuleHook('ioredis/built/Redis', (exports) => {
    const Redis = (exports as { default?: unknown }).default ?? exports;
    patchIoredis5(Redis);
  });
}

function start(
  message: TracingMessage,
  toOperation: (connection: RedisConnection) => ReturnType<typeof toRedisOperation>,
): DbRecording | undefined {
  const options = getRecordingOptions(optionsByClient);
  if (!options) return undefined;
  const port = message['serverPort'];
  const connection: RedisConnection = {
    origin: ORIGIN,
    database: message['database'] as number | undefined,
    host: typeof message['serverAddress'] === 'string' ? message['serverAddress'] : undefined,
    port: typeof port === 'number' ? port : undefined,
  };
  return startDbOperation(options, toOperation(connection));
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** ioredis 5 publishes no channel: wraps `sendCommand`, which every command (pipelined ones too) passes through. */
function patchIoredis5(Redis: unknown): void {
  const proto = (Redis as { prototype?: Record<string, unknown> } | undefined)?.prototype;
  // ioredis 6 builds its channel messages with _buildCommandContext: the channels cover it
  if (!proto || patched.has(proto) || typeof proto['_buildCommandContext'] === 'function') return;
  const original = proto['sendCommand'];
  if (typeof original !== 'function') return;
  patched.add(proto);
  const sendCommand = function sentrySendCommand(this: IoRedis, command: IoRedisCommand, ...rest: unknown[]) {
    const recording = callGuarded('ioredis instrumentation', () => startCommand(this, command), undefined);
    if (recording) observeSettlement(command, recording);
    return (original as SendCommand).call(this, command, ...rest);
  };
  markFunctionWrapped(sendCommand, original as SendCommand);
  proto['sendCommand'] = sendCommand;
}

function startCommand(redis: IoRedis, command: IoRedisCommand): DbRecording | undefined {
  const options = getRecordingOptions(optionsByClient);
  // a command is sent again after a reconnect: record it once
  if (!options || !command || typeof command.name !== 'string' || recorded.has(command)) return undefined;
  recorded.add(command);
  const port = Number(redis.options?.port);
  const connection: RedisConnection = {
    origin: ORIGIN,
    database: (redis.condition?.select ?? redis.options?.db) as number | undefined,
    host: typeof redis.options?.host === 'string' ? redis.options.host : undefined,
    port: Number.isFinite(port) ? port : undefined,
  };
  const operation = toRedisOperation(
    connection,
    { name: command.name, args: asArray(command.args) },
    shouldSendDefaultPii(),
  );
  return startDbOperation(options, operation);
}

/** Finishes the recording when ioredis settles the command, without a handler on its promise (which would hide a rejection nobody handles). */
function observeSettlement(command: IoRedisCommand, recording: DbRecording): void {
  const { resolve, reject } = command;
  if (typeof resolve !== 'function' || typeof reject !== 'function') {
    recording.finish();
    return;
  }
  command.resolve = (value: unknown): unknown => {
    recording.finish();
    return (resolve as (value: unknown) => unknown)(value);
  };
  command.reject = (error: unknown): unknown => {
    recording.finish(error);
    return (reject as (error: unknown) => unknown)(error);
  };
}
