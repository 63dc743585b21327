import type { Database, SqlValue } from './database';
import { decodePayload } from './write-envelope';
import type { AttachmentEntry, EventListEntry, IssueSummary, StoredPayload } from '../viewer-api';

const ISSUES = `
SELECT g.group_key AS id, i.name AS title, i.detail AS culprit, i.level AS level, g.count AS count,
  g.first_seen AS first_seen, g.last_seen AS last_seen, i.event_id AS last_event_id
FROM (SELECT group_key, COUNT(*) AS count, MIN(received_at) AS first_seen, MAX(received_at) AS last_seen, MAX(id) AS last_id
      FROM items WHERE kind = 'event' GROUP BY group_key) g
JOIN items i ON i.id = g.last_id`;

/** Issues, most recently seen first. */
export function listIssues(db: Database, limit = 200): IssueSummary[] {
  return db.all<IssueSummary>(`${ISSUES} ORDER BY g.last_seen DESC, g.last_id DESC LIMIT ?`, [limit]);
}

/** One issue with its latest events, or undefined. */
export function getIssue(
  db: Database,
  id: string,
  limit = 100,
): { issue: IssueSummary; events: EventListEntry[] } | undefined {
  const [issue] = db.all<IssueSummary>(`${ISSUES} WHERE g.group_key = ?`, [id]);
  if (!issue) return undefined;
  const events = db.all<EventListEntry>(
    "SELECT event_id, received_at, timestamp, name AS title, trace_id FROM items WHERE kind = 'event' AND group_key = ? ORDER BY id DESC LIMIT ?",
    [id, limit],
  );
  return { issue, events };
}

/** The newest event or transaction with this id, with its attachments. */
export function getEvent(
  db: Database,
  eventId: string,
): { item: StoredPayload; attachments: AttachmentEntry[] } | undefined {
  const [row] = db.all<Record<string, SqlValue>>(
    `SELECT i.id, i.kind, i.received_at, i.event_id, i.trace_id, i.group_key, i.headers, i.encoding, i.payload,
       e.sdk, e.public_key, e.project_id
     FROM items i JOIN envelopes e ON e.id = i.envelope_id
     WHERE i.event_id = ? AND i.kind IN ('event', 'transaction', 'feedback') ORDER BY i.id DESC LIMIT 1`,
    [eventId],
  );
  if (!row) return undefined;
  const attachments = db
    .all<Record<string, SqlValue>>(
      "SELECT id, name, size, headers FROM items WHERE kind = 'attachment' AND event_id = ? ORDER BY id",
      [eventId],
    )
    .map((attachment) => ({
      id: Number(attachment['id']),
      filename: attachment['name'] as string | null,
      size: Number(attachment['size']),
      content_type: readContentType(attachment['headers']),
    }));
  return { item: toStoredPayload(row), attachments };
}

/** The bytes and headers of one attachment. */
export function getAttachment(
  db: Database,
  id: number,
): { filename: string; contentType: string; data: Uint8Array } | undefined {
  const [row] = db.all<Record<string, SqlValue>>(
    "SELECT name, headers, encoding, payload FROM items WHERE kind = 'attachment' AND id = ?",
    [id],
  );
  if (!row) return undefined;
  const payload = decodePayload(row['encoding'] ?? null, row['payload'] ?? null);
  const data =
    payload instanceof Uint8Array ? payload : Buffer.from(typeof payload === 'string' ? payload : '');
  return {
    filename: typeof row['name'] === 'string' ? row['name'] : 'attachment',
    contentType: readContentType(row['headers']) ?? 'application/octet-stream',
    data,
  };
}

/** A row of `items` (joined with its envelope) with headers and payload decoded. */
export function toStoredPayload(row: Record<string, SqlValue>): StoredPayload {
  return {
    id: Number(row['id']),
    kind: String(row['kind']),
    received_at: Number(row['received_at']),
    event_id: (row['event_id'] as string | null) ?? null,
    trace_id: (row['trace_id'] as string | null) ?? null,
    group_key: (row['group_key'] as string | null) ?? null,
    headers: decodePayload('json', row['headers'] ?? null),
    payload: decodePayload(row['encoding'] ?? null, row['payload'] ?? null),
    sdk: (row['sdk'] as string | null) ?? null,
    public_key: (row['public_key'] as string | null) ?? null,
    project_id: (row['project_id'] as string | null) ?? null,
  };
}

function readContentType(headers: SqlValue | undefined): string | null {
  const parsed = decodePayload('json', headers ?? null) as { content_type?: unknown } | null;
  return typeof parsed?.content_type === 'string' ? parsed.content_type : null;
}
