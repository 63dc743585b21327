import type { SpanAttributes } from '@sentry-sdk/core';
import type { DbOperation } from './db-operation';
import { describeRedisCommand } from './redis-command';

/** Where a Redis client is connected. */
export interface RedisConnection {
  origin: string;
  database?: number | string | undefined;
  host?: string | undefined;
  port?: number | undefined;
}

/** A command as sent: its name and arguments. */
export interface RedisCommand {
  name: string;
  args: readonly unknown[];
}

// a batch's text lists its first commands only
const MAX_BATCH_COMMANDS = 10;
// what clients send on their own when they connect: breadcrumbs of these would open every event
const HANDSHAKE_COMMANDS = new Set(['HELLO', 'CLIENT', 'INFO', 'AUTH']);

function getConnectionAttributes(connection: RedisConnection): SpanAttributes {
  const attributes: SpanAttributes = { 'db.system': 'redis' };
  if (connection.database !== undefined && connection.database !== '')
    attributes['db.namespace'] = String(connection.database);
  if (connection.host) attributes['server.address'] = connection.host;
  if (typeof connection.port === 'number' && Number.isFinite(connection.port))
    attributes['server.port'] = connection.port;
  return attributes;
}

/** One command as a `db.redis` span and a `redis` breadcrumb: `SET user:1 ?` (values with `includeValues`). */
export function toRedisOperation(
  connection: RedisConnection,
  command: RedisCommand,
  includeValues: boolean,
): DbOperation {
  const { description } = describeRedisCommand(command.name, command.args, includeValues);
  const name = command.name.toUpperCase();
  return {
    op: 'db.redis',
    origin: connection.origin,
    description,
    breadcrumb: !HANDSHAKE_COMMANDS.has(name),
    attributes: {
      ...getConnectionAttributes(connection),
      'db.operation.name': name,
      'db.query.text': description,
    },
    breadcrumbCategory: 'redis',
  };
}

/**
 * A pipeline or transaction as one `db.redis` span: described `MULTI` or `PIPELINE`, with
 * `db.operation.batch.size` and its first commands (one per line) as `db.query.text`.
 */
export function toRedisBatchOperation(
  connection: RedisConnection,
  mode: 'MULTI' | 'PIPELINE',
  commands: readonly RedisCommand[],
  includeValues: boolean,
): DbOperation {
  const lines = commands
    .slice(0, MAX_BATCH_COMMANDS)
    .map((command) => describeRedisCommand(command.name, command.args, includeValues).description);
  if (commands.length > MAX_BATCH_COMMANDS) lines.push('…');
  return {
    op: 'db.redis',
    origin: connection.origin,
    description: mode,
    attributes: {
      ...getConnectionAttributes(connection),
      'db.operation.name': mode,
      'db.operation.batch.size': commands.length,
      ...(lines.length > 0 ? { 'db.query.text': lines.join('\n') } : {}),
    },
    breadcrumbCategory: 'redis',
  };
}
