import { DEBUG_BUILD, debug } from '../lib';
import type { Event } from '../types';
import { toEventLevel } from './event-from-message';
import { createNormalizer, type NormalizedValue } from './normalize';
import { oneOf, shape, shaped, type Shape, string, timestamp, uint, uuid } from './pick-typed';
import {
  listOf,
  type StrictContext,
  toBag,
  toStrictBreadcrumb,
  toStrictException,
  toStrictStacktrace,
  toStrictThread,
  toText,
} from './strict-exception';
import {
  assign,
  MAX_TAG_LENGTH,
  nonEmpty,
  ownEntries,
  toCookies,
  toJsonText,
  toRecord,
  toStringMap,
} from './strict-maps';
import { toDebugMeta, toMeasurements, toSdkInfo, toSpans, toTransactionInfo } from './strict-transaction';
import { toStrictUser } from './strict-user';
import { truncate } from './truncate';

function contexts(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  const record = toRecord(value);
  if (!record) return undefined;
  const { trace, ...rest } = record;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(toBag(rest, context) ?? {})) {
    if (toRecord(item)) assign(result, key, item);
  }
  // The trace context carries ids and span data that must reach Sentry as they are.
  const traceContext = toRecord(context.normalizer(trace, Infinity));
  if (traceContext) result['trace'] = traceContext;
  return nonEmpty(result);
}

const REQUEST: Shape = {
  url: (url, context) => (typeof url === 'string' ? truncate(url, context.maxValueLength) : undefined),
  method: string,
  query_string: (query, context) => (typeof query === 'string' ? query : toStringMap(query, context)),
  headers: toStringMap,
  cookies: toCookies,
  env: toBag,
  ...shape(['fragment api_target inferred_content_type protocol', string]),
  body_size: uint,
  data: (data, context) => context.normalizer(data, context.depth),
};

const LOGENTRY = shape(
  ['message formatted', toText],
  [
    'params',
    (params, context) => (Array.isArray(params) ? context.normalizer(params, context.depth) : undefined),
  ],
);

// The top-level fields of Relay's schema that SDKs send, plus the transaction fields of its overlay
// (protocol.md §16); without a prototype, so that any event key can be looked up in it.
const FIELDS: Shape = Object.setPrototypeOf(
  {
    event_id: uuid,
    ...shape(['timestamp start_timestamp', timestamp]),
    level: toEventLevel,
    type: oneOf('error csp hpkp expectct expectstaple nel transaction userreportv2 default feedback'),
    logentry: shaped(LOGENTRY),
    exception: listOf(toStrictException),
    threads: listOf(toStrictThread),
    stacktrace: toStrictStacktrace,
    breadcrumbs: listOf(toStrictBreadcrumb),
    user: toStrictUser,
    request: shaped(REQUEST),
    contexts,
    extra: toBag,
    tags: (tags, context) => toStringMap(tags, context, MAX_TAG_LENGTH),
    fingerprint: (value, context) => {
      const items = Array.isArray(value) ? value.map((item) => toJsonText(item, context.normalizer, 2)) : [];
      return items.length ? items : undefined;
    },
    modules: toStringMap,
    sdk: toSdkInfo,
    debug_meta: toDebugMeta,
    transaction_info: toTransactionInfo,
    measurements: toMeasurements,
    spans: toSpans,
    ...shape(['platform logger server_name release dist environment transaction version', string]),
  } satisfies Shape,
  null,
) as Shape;

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
    const field = FIELDS[key];
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
