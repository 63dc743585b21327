import type { Envelope } from '@sentry-sdk/core/internal';
import { readObject, readString } from '../grouping';
import type { Database, SqlValue } from './database';
import { describeItem, type ItemColumns } from './describe-item';
import { readLogRecords } from './read-log-records';

/** An envelope as it arrived, with what the request said about where it came from. */
export interface IncomingEnvelope {
  envelope: Envelope;
  /** Unix seconds. */
  receivedAt: number;
  projectId?: string | undefined;
  /** The DSN's public key from the auth header, query or envelope header; any key is accepted. */
  publicKey?: string | undefined;
}

/** What the live stream and the CLI say about a stored item. */
export interface StoredItem extends ItemColumns {
  id: number;
  kind: string;
  received_at: number;
}

const ITEM_COLUMNS = [
  'envelope_id',
  'received_at',
  'kind',
  'event_id',
  'trace_id',
  'group_key',
  'timestamp',
  'start_time',
  'name',
  'detail',
  'level',
  'status',
  'size',
  'headers',
  'encoding',
  'payload',
] as const;
const INSERT_ITEM = `INSERT INTO items (${ITEM_COLUMNS.join(', ')}) VALUES (${ITEM_COLUMNS.map(() => '?').join(', ')})`;
const INSERT_LOG =
  'INSERT INTO logs (item_id, received_at, timestamp, level, severity, body, trace_id, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

/** Stores every item of an envelope in one transaction and returns what was stored. */
export function writeEnvelope(db: Database, incoming: IncomingEnvelope): StoredItem[] {
  const [headers, items] = incoming.envelope;
  const sdk = readObject(headers.sdk);
  const sdkName = readString(sdk?.['name']);
  return db.transaction(() => {
    const envelopeId = db.run(
      'INSERT INTO envelopes (received_at, project_id, public_key, sdk, headers) VALUES (?, ?, ?, ?, ?)',
      [
        incoming.receivedAt,
        incoming.projectId ?? null,
        incoming.publicKey ?? null,
        sdkName ? `${sdkName}/${readString(sdk?.['version']) ?? '?'}` : null,
        JSON.stringify(headers),
      ],
    ).lastInsertRowid;
    return items.map(([itemHeaders, payload]) => {
      const columns = describeItem(headers, itemHeaders, payload);
      const { encoding, value, size } = encodePayload(payload);
      const row: Record<(typeof ITEM_COLUMNS)[number], SqlValue> = {
        envelope_id: envelopeId,
        received_at: incoming.receivedAt,
        kind: itemHeaders.type,
        ...columns,
        size,
        headers: JSON.stringify(itemHeaders),
        encoding,
        payload: value,
      };
      const id = db.run(
        INSERT_ITEM,
        ITEM_COLUMNS.map((column) => row[column]),
      ).lastInsertRowid;
      if (itemHeaders.type === 'log') {
        for (const log of readLogRecords(payload)) {
          db.run(INSERT_LOG, [
            id,
            incoming.receivedAt,
            log.timestamp,
            log.level,
            log.severity,
            log.body,
            log.trace_id ?? columns.trace_id,
            log.attributes,
          ]);
        }
      }
      return { id, kind: itemHeaders.type, received_at: incoming.receivedAt, ...columns };
    });
  });
}

/** Payloads are kept as they came: JSON as text, text as text, bytes (attachments) as a blob. */
function encodePayload(payload: unknown): { encoding: string; value: SqlValue; size: number } {
  if (payload instanceof Uint8Array) return { encoding: 'bytes', value: payload, size: payload.length };
  if (typeof payload === 'string')
    return { encoding: 'text', value: payload, size: Buffer.byteLength(payload) };
  const json = JSON.stringify(payload) ?? 'null';
  return { encoding: 'json', value: json, size: Buffer.byteLength(json) };
}

/** Reads a stored payload back. */
export function decodePayload(encoding: SqlValue, value: SqlValue): unknown {
  if (encoding === 'bytes') return value;
  if (encoding === 'text') return typeof value === 'string' ? value : '';
  const text =
    typeof value === 'string'
      ? value
      : value instanceof Uint8Array
        ? Buffer.from(value).toString('utf8')
        : 'null';
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
