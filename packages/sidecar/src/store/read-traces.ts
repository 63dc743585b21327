import { readObject, readString } from '../grouping';
import type { Database, SqlValue } from './database';
import { listLogs } from './read-logs';
import { orderSpanTree, readStandaloneSpan, readTransactionSpans } from './read-spans';
import { decodePayload } from './write-envelope';
import type { TraceDetail, TraceError, TraceSummary } from '../viewer-api';

const TRACES = `
SELECT trace_id, MIN(start_time) AS start, MAX(timestamp) AS end, MAX(received_at) AS last_seen,
  SUM(CASE WHEN kind = 'transaction' THEN 1 ELSE 0 END) AS transactions,
  SUM(CASE WHEN kind = 'span' THEN 1 ELSE 0 END) AS spans,
  SUM(CASE WHEN kind = 'event' THEN 1 ELSE 0 END) AS errors
FROM items WHERE trace_id IS NOT NULL AND kind IN ('transaction', 'span', 'event')
GROUP BY trace_id HAVING SUM(CASE WHEN kind IN ('transaction', 'span') THEN 1 ELSE 0 END) > 0
ORDER BY last_seen DESC LIMIT ?`;

/** Traces that have spans, most recent first, named after their earliest transaction. */
export function listTraces(db: Database, limit = 100): TraceSummary[] {
  const traces = db.all<Omit<TraceSummary, 'name' | 'op'>>(TRACES, [limit]);
  if (traces.length === 0) return [];
  const candidates = db.all<{ trace_id: string; name: string | null; detail: string | null }>(
    `SELECT trace_id, name, detail FROM items WHERE kind IN ('transaction', 'span')
     AND trace_id IN (${traces.map(() => '?').join(', ')})
     ORDER BY CASE kind WHEN 'transaction' THEN 0 ELSE 1 END, start_time`,
    traces.map((trace) => trace.trace_id),
  );
  // the root is the earliest transaction (a browser page load starts before the requests it makes)
  const rootByTrace = new Map<string, (typeof candidates)[number]>();
  for (const candidate of candidates)
    if (!rootByTrace.has(candidate.trace_id)) rootByTrace.set(candidate.trace_id, candidate);
  return traces.map((trace) => {
    const root = rootByTrace.get(trace.trace_id);
    return { ...trace, name: root?.name ?? null, op: root?.detail ?? null };
  });
}

/** Everything of one trace, or undefined when nothing of it is stored. */
export function getTrace(db: Database, traceId: string): TraceDetail | undefined {
  const rows = db.all<Record<string, SqlValue>>(
    "SELECT kind, name, group_key, event_id, timestamp, encoding, payload FROM items WHERE trace_id = ? AND kind IN ('transaction', 'span', 'event') ORDER BY id",
    [traceId],
  );
  if (rows.length === 0) return undefined;
  const drafts = [];
  const errors: TraceError[] = [];
  for (const row of rows) {
    const payload = readObject(decodePayload(row['encoding'] ?? null, row['payload'] ?? null)) ?? {};
    if (row['kind'] === 'transaction') drafts.push(...readTransactionSpans(payload));
    else if (row['kind'] === 'span') {
      const items = Array.isArray(payload['items']) ? payload['items'] : [payload];
      for (const item of items) {
        const span = readObject(item);
        if (span) drafts.push(readStandaloneSpan(span));
      }
    } else {
      errors.push({
        event_id: (row['event_id'] as string | null) ?? null,
        title: (row['name'] as string | null) ?? null,
        issue_id: (row['group_key'] as string | null) ?? null,
        span_id: readString(readObject(readObject(payload['contexts'])?.['trace'])?.['span_id']) ?? null,
        timestamp: typeof row['timestamp'] === 'number' ? row['timestamp'] : null,
      });
    }
  }
  const spans = orderSpanTree(drafts);
  const times = spans.flatMap((span) => [span.start, span.end]);
  const start = times.length > 0 ? Math.min(...times) : 0;
  const end = times.length > 0 ? Math.max(...times) : 0;
  return { trace_id: traceId, start, end, spans, errors, logs: listLogs(db, { traceId, limit: 200 }) };
}
