import { DEBUG_BUILD, debug } from '../lib';
import type { Event } from '../types';
import { toEventLevel } from './event-from-message';
import { createNormalizer, type NormalizedValue } from './normalize';
import { check, type FieldKind, nonEmpty, pickTyped, toRecord } from './pick-typed';
import {
  type StrictContext,
  toBag,
  toStrictBreadcrumb,
  toStrictException,
  toStrictStacktrace,
  toStrictThread,
  toText,
  valuesOf,
} from './strict-exception';
import { assign, ownEntries, toCookies, toStrictTags, toStringMap } from './strict-maps';
import { toDebugMeta, toMeasurements, toSdkInfo, toSpans, toTransactionInfo } from './strict-transaction';
import { toStrictUser } from './strict-user';
import { truncate } from './truncate';

type Field = (value: unknown, context: StrictContext) => unknown;

const EVENT_TYPES = [
  'error',
  'csp',
  'hpkp',
  'expectct',
  'expectstaple',
  'nel',
  'transaction',
  'userreportv2',
  'default',
  'feedback',
];
const typed =
  (kind: FieldKind): Field =>
  (value) =>
    check(kind, value);
const string = typed('string');
const timestamp = typed('timestamp');

function list<T>(items: (T | undefined)[]): { values: T[] } | undefined {
  const values = items.filter((item): item is T => item !== undefined);
  return values.length ? { values } : undefined;
}

function contexts(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  const entries = ownEntries(value);
  if (!entries || Array.isArray(value)) return undefined;
  const rest: Record<string, unknown> = {};
  for (const [key, item] of entries) if (key !== 'trace') assign(rest, key, item);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(toBag(rest, context) ?? {})) {
    if (item && typeof item === 'object' && !Array.isArray(item)) assign(result, key, item);
  }
  // The trace context carries ids and span data that must reach Sentry as they are.
  const trace = toRecord(context.normalizer(entries.find(([key]) => key === 'trace')?.[1], Infinity));
  if (trace) result['trace'] = trace;
  return nonEmpty(result);
}

function requestShape(context: StrictContext): Record<string, FieldKind> {
  return {
    url: (url) => (typeof url === 'string' ? truncate(url, context.maxValueLength) : undefined),
    method: 'string',
    query_string: (query) => (typeof query === 'string' ? query : toStringMap(query, context.normalizer)),
    headers: (headers) => toStringMap(headers, context.normalizer),
    cookies: (cookies) => toCookies(cookies, context.normalizer),
    env: (env) => toBag(env, context),
    fragment: 'string',
    api_target: 'string',
    inferred_content_type: 'string',
    protocol: 'string',
    body_size: 'uint',
    data: (data) => context.normalizer(data, context.depth),
  };
}

function logentry(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  return nonEmpty(
    pickTyped(value, {
      message: (message) => toText(message, context),
      formatted: (formatted) => toText(formatted, context),
      params: (params) => (Array.isArray(params) ? context.normalizer(params, context.depth) : undefined),
    }),
  );
}

// The top-level fields of Relay's schema that SDKs send, plus the transaction fields of its overlay (protocol.md §16).
const FIELDS: Record<string, Field> = {
  event_id: typed('uuid'),
  timestamp,
  start_timestamp: timestamp,
  level: toEventLevel,
  type: (value) => (typeof value === 'string' && EVENT_TYPES.includes(value) ? value : undefined),
  logentry,
  exception: (value, context) => list(valuesOf(value).map((item) => toStrictException(item, context))),
  threads: (value, context) => list(valuesOf(value).map((item) => toStrictThread(item, context))),
  stacktrace: toStrictStacktrace,
  breadcrumbs: (value, context) => list(valuesOf(value).map((item) => toStrictBreadcrumb(item, context))),
  user: (value, context) => toStrictUser(value, context.normalizer, context.depth),
  request: (value, context) => nonEmpty(pickTyped(value, requestShape(context))),
  contexts,
  extra: toBag,
  tags: (value, context) => toStrictTags(value, context.normalizer),
  fingerprint: (value, context) => {
    const items = Array.isArray(value) ? (value as unknown[]).map((item) => context.normalizer(item, 2)) : [];
    return items.length
      ? items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
      : undefined;
  },
  modules: (value, context) => toStringMap(value, context.normalizer),
  sdk: toSdkInfo,
  debug_meta: toDebugMeta,
  transaction_info: toTransactionInfo,
  measurements: toMeasurements,
  spans: toSpans,
  ...Object.fromEntries(
    ['platform', 'logger', 'server_name', 'release', 'dist', 'environment', 'transaction', 'version'].map(
      (key) => [key, string],
    ),
  ),
};

/**
 * A copy of the event in the strict form Relay's schema describes (protocol.md §16): data bags
 * normalized to `depth` and `maxBreadth`, the trace context untouched, messages, exception values,
 * breadcrumb messages and `request.url` cut at `maxValueLength`, tags as short strings, unknown
 * user keys under `user.data`, `message` moved to `logentry`, empty containers and unknown fields left out.
 */
export function normalizeEvent(
  event: Event,
  depth: number,
  maxBreadth: number,
  maxValueLength: number,
): Event {
  const context: StrictContext = { normalizer: createNormalizer(maxBreadth), depth, maxValueLength };
  const entries = ownEntries(event) ?? [];
  const result: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const field = Object.prototype.hasOwnProperty.call(FIELDS, key) ? FIELDS[key] : undefined;
    if (!field || value === undefined || value === null) {
      if (!field && key !== 'message')
        DEBUG_BUILD && debug.warn(`Dropping event field "${key}": Relay's event schema does not know it.`);
      continue;
    }
    try {
      const normalized = field(value, context);
      if (normalized !== undefined) result[key] = normalized;
    } catch {
      DEBUG_BUILD && debug.warn(`Dropping event field "${key}": it could not be read.`);
    }
  }
  const message = toText(entries.find(([key]) => key === 'message')?.[1], context);
  const log = (result['logentry'] ?? {}) as Record<string, NormalizedValue>;
  if (message !== undefined && log['message'] === undefined) result['logentry'] = { ...log, message };
  return result;
}
