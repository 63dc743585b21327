import {
  addBreadcrumb,
  getClient,
  getCurrentScope,
  getIsolationScope,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  startInactiveSpan,
  withIsolationScope,
  type Breadcrumb,
  type ClientLike,
  type Span,
  type SpanAttributes,
} from '@sentry-sdk/core';
import { isTracingSuppressed } from '@sentry-sdk/core/internal';

/** What a database or cache instrumentation records, from its integration's options. */
export interface DbRecordingOptions {
  /** A span per operation made while a span is active. */
  spans: boolean;
  /** A breadcrumb per operation, in the isolation scope it started in. */
  breadcrumbs: boolean;
}

/** One operation as the span and breadcrumb show it. */
export interface DbOperation {
  /** `db` for SQL, `db.redis` for Redis (protocol.md §6.5). */
  op: string;
  origin: string;
  /** The span's description and the breadcrumb's message: the query without literal values, the command with its keys. */
  description: string;
  attributes: SpanAttributes;
  /** `query` for SQL, `redis` for Redis, as the Python SDK names them. */
  breadcrumbCategory: string;
  /** False for a driver's own housekeeping (a Redis client's handshake): a span, but no breadcrumb. */
  breadcrumb?: boolean;
}

/** An operation being recorded: end it once with its outcome. */
export interface DbRecording {
  span: Span | undefined;
  finish(error?: unknown): void;
}

// the attributes a breadcrumb repeats: what and where, not how long
const BREADCRUMB_DATA = ['db.system', 'db.operation.name', 'db.namespace', 'db.redis.key', 'server.address'];

/** The options of the current client for an instrumentation, or undefined when it is not set up. */
export function getRecordingOptions<T>(byClient: WeakMap<ClientLike, T>): T | undefined {
  const client = getClient();
  return client ? byClient.get(client) : undefined;
}

/** True when the current client asks for raw query text and values (`sendDefaultPii`). */
export function shouldSendDefaultPii(): boolean {
  return getClient()?.getOptions().sendDefaultPii === true;
}

/**
 * Starts recording a database or cache operation in the current scopes: a span under the active
 * span (none without one, none inside `suppressTracing`) and, when it finishes, a breadcrumb in
 * the isolation scope it started in (level `error` when it failed).
 */
export function startDbOperation(
  options: DbRecordingOptions,
  operation: DbOperation,
): DbRecording | undefined {
  if ((!options.spans && !options.breadcrumbs) || isTracingSuppressed(getCurrentScope())) return undefined;
  const span = options.spans
    ? startInactiveSpan({
        name: operation.description,
        op: operation.op,
        onlyIfParent: true,
        attributes: { ...operation.attributes, [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: operation.origin },
      })
    : undefined;
  const isolationScope = getIsolationScope();
  let finished = false;
  return {
    span,
    finish(error) {
      if (finished) return;
      finished = true;
      if (span) {
        if (error !== undefined && error !== null) span.setStatus('internal_error');
        span.end();
      }
      if (options.breadcrumbs && operation.breadcrumb !== false) {
        withIsolationScope(isolationScope, () => addBreadcrumb(toBreadcrumb(operation, error)));
      }
    },
  };
}

function toBreadcrumb(operation: DbOperation, error: unknown): Breadcrumb {
  const data: Record<string, unknown> = {};
  for (const key of BREADCRUMB_DATA) {
    const value = operation.attributes[key];
    if (value !== undefined) data[key] = value;
  }
  const failed = error !== undefined && error !== null;
  return {
    type: operation.breadcrumbCategory === 'query' ? 'query' : 'default',
    category: operation.breadcrumbCategory,
    message: operation.description,
    data,
    ...(failed ? { level: 'error' as const } : {}),
  };
}
