import type { ClientLike } from '@sentry-sdk/core';
import { callGuarded, isThenable, markFunctionWrapped } from '@sentry-sdk/core/internal';
import {
  getRecordingOptions,
  shouldSendDefaultPii,
  startDbOperation,
  type DbOperation,
  type DbRecording,
  type DbRecordingOptions,
} from './db-operation';
import { registerModuleHook } from './module-hooks';
import {
  toRedisBatchOperation,
  toRedisOperation,
  type RedisCommand,
  type RedisConnection,
} from './redis-operation';

/** The parts of a node-redis client that are read. */
interface NodeRedisClient {
  options?: {
    url?: unknown;
    database?: unknown;
    socket?: { host?: unknown; port?: unknown; path?: unknown };
  };
}
type Method = (this: NodeRedisClient, ...args: unknown[]) => unknown;

const ORIGIN = 'auto.db.redis';
const optionsByClient = new WeakMap<ClientLike, DbRecordingOptions>();
const patched = new WeakSet<object>();
let hooked = false;

/**
 * Records node-redis (`redis` 5, `@redis/client`) commands as `db.redis` spans and `redis`
 * breadcrumbs, with one span per `multi().exec()` (`MULTI`) and per `execAsPipeline()`
 * (`PIPELINE`), by patching its client class when `@redis/client` loads.
 */
export function instrumentNodeRedis(client: ClientLike, options: DbRecordingOptions): void {
  optionsByClient.set(client, options);
  if (hooked) return;
  hooked = true;
  registerModuleHook('@redis/client/dist/lib/client', (exports) =>
    patchRedisClient((exports as { default?: unknown }).default),
  );
}

/** Patches node-redis's `RedisClient` class: `sendCommand`, `_executeMulti`, `_executePipeline`. */
export function patchRedisClient(RedisClient: unknown): void {
  const proto = (RedisClient as { prototype?: Record<string, unknown> } | undefined)?.prototype;
  if (!proto || patched.has(proto) || typeof proto['sendCommand'] !== 'function') return;
  patched.add(proto);
  wrapMethod(proto, 'sendCommand', (client, args) => {
    const command = toCommand(args[0]);
    return command && toRedisOperation(getConnection(client), command, shouldSendDefaultPii());
  });
  for (const [method, mode] of [
    ['_executeMulti', 'MULTI'],
    ['_executePipeline', 'PIPELINE'],
  ] as const) {
    wrapMethod(proto, method, (client, args) => {
      const commands = Array.isArray(args[0]) ? args[0].map((entry) => toCommand(readArgs(entry))) : [];
      const valid = commands.filter((command): command is RedisCommand => command !== undefined);
      return toRedisBatchOperation(getConnection(client), mode, valid, shouldSendDefaultPii());
    });
  }
}

/** Wraps a promise-returning method so that each call is recorded as the operation `describe` returns. */
function wrapMethod(
  proto: Record<string, unknown>,
  name: string,
  describe: (client: NodeRedisClient, args: unknown[]) => DbOperation | undefined,
): void {
  const original = proto[name];
  if (typeof original !== 'function') return;
  const wrapped = function sentryRedisMethod(this: NodeRedisClient, ...args: unknown[]): unknown {
    const recording = callGuarded('redis instrumentation', () => start(this, args, describe), undefined);
    if (!recording) return (original as Method).apply(this, args);
    let result: unknown;
    try {
      result = (original as Method).apply(this, args);
    } catch (error) {
      recording.finish(error);
      throw error;
    }
    if (!isThenable(result)) {
      recording.finish();
      return result;
    }
    return result.then(
      (value) => {
        recording.finish();
        return value;
      },
      (error: unknown) => {
        recording.finish(error);
        throw error;
      },
    );
  };
  markFunctionWrapped(wrapped, original as Method);
  proto[name] = wrapped;
}

function start(
  client: NodeRedisClient,
  args: unknown[],
  describe: (client: NodeRedisClient, args: unknown[]) => DbOperation | undefined,
): DbRecording | undefined {
  const options = getRecordingOptions(optionsByClient);
  const operation = options && describe(client, args);
  return options && operation ? startDbOperation(options, operation) : undefined;
}

function readArgs(entry: unknown): unknown {
  return entry !== null && typeof entry === 'object' ? (entry as { args?: unknown }).args : undefined;
}

/** `['SET', 'key', 'value']` as a command, or undefined when it is not one. */
function toCommand(args: unknown): RedisCommand | undefined {
  if (!Array.isArray(args) || args.length === 0) return undefined;
  const [name, ...rest] = args as unknown[];
  const text =
    typeof name === 'string' ? name : name instanceof Uint8Array ? Buffer.from(name).toString() : '';
  return text ? { name: text, args: rest } : undefined;
}

function getConnection(client: NodeRedisClient): RedisConnection {
  const options = client.options;
  const socket = options?.socket;
  let host =
    typeof socket?.host === 'string'
      ? socket.host
      : typeof socket?.path === 'string'
        ? socket.path
        : undefined;
  let port = typeof socket?.port === 'number' ? socket.port : undefined;
  let database = typeof options?.database === 'number' ? options.database : undefined;
  if (typeof options?.url === 'string') {
    try {
      const url = new URL(options.url);
      host ??= url.hostname;
      port ??= url.port ? Number(url.port) : 6379;
      database ??= url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
    } catch {
      // a URL node-redis would refuse anyway
    }
  }
  return {
    origin: ORIGIN,
    host: host ?? 'localhost',
    port: port ?? (socket?.path ? undefined : 6379),
    database,
  };
}
