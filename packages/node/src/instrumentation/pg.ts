import { AsyncResource } from 'node:async_hooks';
import type { ClientLike } from '@sentry-sdk/core';
import { callGuarded, isThenable, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { bindEmitter } from './bind-emitter';
import {
  getRecordingOptions,
  shouldSendDefaultPii,
  startDbOperation,
  type DbRecording,
  type DbRecordingOptions,
} from './db-operation';
import { registerModuleHook } from './module-hooks';
import { toSqlOperation } from './sql-operation';

/** The parts of node-postgres's `Client` that are read. */
interface PgClient {
  connectionParameters?: { host?: unknown; port?: unknown; database?: unknown };
}

/** A query config object, or a `Submittable` (pg's `Query`, pg-cursor, pg-query-stream). */
interface PgQueryConfig {
  text?: unknown;
  callback?: unknown;
  submit?: unknown;
  once?: unknown;
  emit?: unknown;
}

type QueryMethod = (this: PgClient, ...args: unknown[]) => unknown;
type Callback = (...args: unknown[]) => unknown;

const ORIGIN = 'auto.db.pg';
const optionsByClient = new WeakMap<ClientLike, DbRecordingOptions>();
const patched = new WeakSet<object>();
let hooked = false;

/**
 * Records node-postgres queries — `Client` and `Pool` (whose queries run on its clients), callbacks,
 * promises, query configs and prepared statements, and `Submittable`s such as pg-cursor — as `db`
 * spans and `query` breadcrumbs, by patching `Client.prototype.query` when `pg` loads.
 */
export function instrumentPg(client: ClientLike, options: DbRecordingOptions): void {
  optionsByClient.set(client, options);
  if (hooked) return;
  hooked = true;
  // pg's entry requires these files, for `require` and `import` alike
  registerModuleHook('pg/lib/client', (exports) => patchPgClient(exports));
  registerModuleHook('pg-pool', (exports) => patchPgPool(exports));
}

/**
 * Runs the callbacks of `Pool.prototype.connect` (which `pool.query` uses) in the caller's async
 * context: a caller that waited for a busy pool is otherwise called back from the context of the
 * query that released the connection, and its query would join that query's trace.
 */
export function patchPgPool(Pool: unknown): void {
  const proto = (Pool as { prototype?: { connect?: unknown } } | undefined)?.prototype;
  if (!proto || patched.has(proto) || typeof proto.connect !== 'function') return;
  patched.add(proto);
  const original = proto.connect as QueryMethod;
  const connect = function sentryPgPoolConnect(this: PgClient, ...args: unknown[]): unknown {
    if (typeof args[0] === 'function') args[0] = AsyncResource.bind(args[0] as Callback);
    return original.apply(this, args);
  };
  markFunctionWrapped(connect, original);
  proto.connect = connect;
}

/** Patches the `query` method of node-postgres's `Client` class (once per loaded copy). */
export function patchPgClient(Client: unknown): void {
  const proto = (Client as { prototype?: { query?: unknown } } | undefined)?.prototype;
  if (!proto || patched.has(proto) || typeof proto.query !== 'function') return;
  patched.add(proto);
  const original = proto.query as QueryMethod;
  const query = function sentryPgQuery(this: PgClient, ...args: unknown[]): unknown {
    const recording = callGuarded('pg instrumentation', () => startQuery(this, args[0]), undefined);
    if (!recording) return original.apply(this, args);
    let result: unknown;
    try {
      const finishWith = (error?: unknown): void => recording.finish(error);
      result = original.apply(this, attachCallback(args, finishWith, recording));
    } catch (error) {
      recording.finish(error);
      throw error;
    }
    if (!isThenable(result) || usesCallback(args)) return result;
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
  markFunctionWrapped(query, original);
  proto.query = query;
}

function startQuery(client: PgClient, config: unknown): DbRecording | undefined {
  const options = getRecordingOptions(optionsByClient);
  const text = typeof config === 'string' ? config : (config as PgQueryConfig | null)?.text;
  if (!options || typeof text !== 'string') return undefined;
  const parameters = client.connectionParameters;
  return startDbOperation(
    options,
    toSqlOperation({
      system: 'postgresql',
      origin: ORIGIN,
      text,
      database: typeof parameters?.database === 'string' ? parameters.database : undefined,
      host: typeof parameters?.host === 'string' ? parameters.host : undefined,
      port: typeof parameters?.port === 'number' ? parameters.port : Number(parameters?.port) || undefined,
      sendRawText: shouldSendDefaultPii(),
    }),
  );
}

function usesCallback(args: unknown[]): boolean {
  const config = args[0] as PgQueryConfig | null;
  return (
    typeof args[1] === 'function' ||
    typeof args[2] === 'function' ||
    (typeof config === 'object' && config !== null && typeof config.callback === 'function')
  );
}

/**
 * The arguments with the completion callback wrapped to finish the recording and run in the
 * caller's async context (pg calls it from the connection's). A `Submittable` without a callback
 * is watched through its `end`/`error` events instead.
 */
function attachCallback(
  args: unknown[],
  finish: (error?: unknown) => void,
  recording: DbRecording,
): unknown[] {
  const wrap = (callback: Callback): Callback =>
    AsyncResource.bind(function sentryPgCallback(this: unknown, ...results: unknown[]) {
      finish(results[0]);
      return callback.apply(this, results);
    });
  const copy = [...args];
  const config = copy[0] as PgQueryConfig | null;
  if (typeof config === 'object' && config !== null && typeof config.callback === 'function') {
    if (typeof config.submit === 'function') config.callback = wrap(config.callback as Callback);
    else copy[0] = { ...config, callback: wrap(config.callback as Callback) };
  } else if (typeof copy[1] === 'function') copy[1] = wrap(copy[1] as Callback);
  else if (typeof copy[2] === 'function') copy[2] = wrap(copy[2] as Callback);
  else if (typeof config === 'object' && config !== null && typeof config.submit === 'function') {
    if (typeof config.emit === 'function') {
      bindEmitter(config as never, {
        after: (event, eventArgs) => {
          if (event === 'end' || event === 'close') finish();
          else if (event === 'error') finish(eventArgs[0]);
        },
      });
    } else recording.finish();
  }
  return copy;
}
