import type { SpanAttributes } from '@sentry-sdk/core';
import type { DbOperation } from './db-operation';
import { getSqlOperation, sanitizeSqlQuery, type SqlDialect } from './sanitize-sql';

/** What a SQL driver knows about one query. */
export interface SqlQuery {
  /** `postgresql`, `mysql` (OpenTelemetry's `db.system` values). */
  system: string;
  origin: string;
  text: string;
  database?: string | undefined;
  host?: string | undefined;
  port?: number | undefined;
  dialect?: SqlDialect;
  /** The raw text, values included, as `db.query.text` (`sendDefaultPii`). */
  sendRawText: boolean;
  /** Driver-specific attributes (a prepared statement's name). */
  extra?: SpanAttributes;
}

/**
 * A SQL query as a `db` span and a `query` breadcrumb show it (OpenTelemetry's attribute names):
 * `db.system`, `db.namespace`, `db.operation.name`, `db.query.text` with literal values replaced by
 * `?` (as written with `sendDefaultPii`), `server.address`, `server.port`; described by that text.
 */
export function toSqlOperation(query: SqlQuery): DbOperation {
  const text = query.sendRawText ? query.text : sanitizeSqlQuery(query.text, query.dialect);
  const attributes: SpanAttributes = { 'db.system': query.system, 'db.query.text': text, ...query.extra };
  const operation = getSqlOperation(query.text);
  if (operation) attributes['db.operation.name'] = operation;
  if (query.database) attributes['db.namespace'] = query.database;
  if (query.host) attributes['server.address'] = query.host;
  if (typeof query.port === 'number' && Number.isFinite(query.port)) attributes['server.port'] = query.port;
  return { op: 'db', origin: query.origin, description: text, attributes, breadcrumbCategory: 'query' };
}
