import type { IncomingMessage } from 'node:http';
import { EnvelopeParseError, parseEnvelope, type Envelope } from '@sentry-sdk/core/internal';
import { readObject, readString } from '../grouping';
import type { Store, StoredItem } from '../store';
import type { RateLimiter } from './rate-limiter';
import { readBody } from './read-body';
import { readPublicKey } from './read-public-key';

/** Size limits of the ingest endpoints. */
export interface IngestLimits {
  /** The whole envelope, compressed and decompressed. */
  maxEnvelopeBytes: number;
  /** One event, transaction or feedback item (Relay: 1 MiB). */
  maxEventBytes: number;
}

/** What the ingest endpoint answers, and what it stored. */
export interface IngestResult {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  stored: StoredItem[];
}

/** What an ingest request needs besides the request. */
export interface IngestContext {
  store: Store;
  rateLimiter: RateLimiter;
  limits: IngestLimits;
  now: () => number;
}

/** Relay's size limit of a check-in (protocol.md §13). */
const MAX_CHECK_IN_BYTES = 100 * 1024;
const EVENT_TYPES = new Set(['event', 'transaction', 'feedback']);
/** Item types whose payload must be a JSON object; others (attachments, unknown types) are kept as they are. */
const JSON_OBJECT_TYPES = new Set([
  'event',
  'transaction',
  'feedback',
  'check_in',
  'session',
  'sessions',
  'client_report',
  'log',
  'span',
  'profile',
  'profile_chunk',
  'user_report',
  'replay_event',
]);

/** Reads, checks and stores one envelope, answering as Relay would (protocol.md §3.1). */
export async function ingestEnvelope(
  req: IncomingMessage,
  query: URLSearchParams,
  projectId: string | undefined,
  context: IngestContext,
): Promise<IngestResult> {
  const body = await readBody(req, context.limits.maxEnvelopeBytes);
  if (!body.ok) return reply(body.status, body.reason);
  let envelope: Envelope;
  try {
    envelope = parseEnvelope(body.body);
  } catch (error) {
    return reply(400, error instanceof EnvelopeParseError ? error.message : 'the envelope could not be read');
  }
  const [headers, items] = envelope;
  for (const [index, [itemHeaders, payload]] of items.entries()) {
    const problem = checkItem(index, itemHeaders.type, payload, context.limits);
    if (problem) return reply(problem.status, problem.reason);
  }

  const verdict = context.rateLimiter.check(items.map(([itemHeaders]) => itemHeaders.type));
  if (verdict && verdict.dropped.size === items.length)
    return { ...reply(429, 'rate limited (sidecar test limit)'), headers: verdict.headers };
  const kept = verdict ? items.filter((_, index) => !verdict.dropped.has(index)) : items;

  const stored = context.store.write({
    envelope: [headers, kept],
    receivedAt: context.now(),
    projectId,
    publicKey: readPublicKey(req.headers, query, headers.dsn),
  });
  const eventId =
    readString(headers.event_id) ??
    items.map(([, payload]) => readString(readObject(payload)?.['event_id'])).find(Boolean);
  return { status: 200, headers: verdict?.headers ?? {}, body: eventId ? { id: eventId } : {}, stored };
}

function checkItem(
  index: number,
  type: string,
  payload: unknown,
  limits: IngestLimits,
): { status: 400 | 413; reason: string } | undefined {
  if (JSON_OBJECT_TYPES.has(type) && readObject(payload) === undefined) {
    return { status: 400, reason: `item ${index} (${type}) is not a JSON object` };
  }
  const limit = EVENT_TYPES.has(type)
    ? limits.maxEventBytes
    : type === 'check_in'
      ? MAX_CHECK_IN_BYTES
      : undefined;
  if (limit !== undefined && Buffer.byteLength(JSON.stringify(payload)) > limit) {
    return { status: 413, reason: `item ${index} (${type}) is larger than ${limit} bytes` };
  }
  return undefined;
}

function reply(status: number, detail: string): IngestResult {
  return { status, headers: {}, body: { detail }, stored: [] };
}
