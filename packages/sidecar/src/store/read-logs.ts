import type { Database, SqlValue } from './database';
import type { LogEntry } from '../viewer-api';

/** Filters of the logs page. */
export interface LogQuery {
  /** Text anywhere in the body or the attributes (case-insensitive). */
  q?: string | undefined;
  /** Exactly this level (`trace`, `debug`, `info`, `warn`, `error`, `fatal`). */
  level?: string | undefined;
  traceId?: string | undefined;
  limit?: number | undefined;
}

/** Logs, newest first, filtered by level, text and trace. */
export function listLogs(db: Database, query: LogQuery = {}): LogEntry[] {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (query.level) {
    where.push('level = ?');
    params.push(query.level);
  }
  if (query.traceId) {
    where.push('trace_id = ?');
    params.push(query.traceId);
  }
  if (query.q) {
    // LIKE with an escape character, so that % and _ in the search text match themselves
    where.push("(body LIKE ? ESCAPE '\\' OR attributes LIKE ? ESCAPE '\\')");
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(pattern, pattern);
  }
  params.push(query.limit ?? 500);
  const rows = db.all<Record<string, SqlValue>>(
    `SELECT id, timestamp, level, severity, body, trace_id, attributes FROM logs
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY timestamp DESC, id DESC LIMIT ?`,
    params,
  );
  return rows.map((row) => ({
    id: Number(row['id']),
    timestamp: typeof row['timestamp'] === 'number' ? row['timestamp'] : null,
    level: (row['level'] as string | null) ?? null,
    severity: typeof row['severity'] === 'number' ? row['severity'] : null,
    body: (row['body'] as string | null) ?? null,
    trace_id: (row['trace_id'] as string | null) ?? null,
    attributes: parseAttributes(row['attributes']),
  }));
}

function parseAttributes(value: SqlValue | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(typeof value === 'string' ? value : '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
