import { readObject, readString } from '../grouping';
import { readTime } from './read-time';

/** One structured log, flattened for the `logs` table. */
export interface LogRecord {
  timestamp: number | null;
  level: string;
  severity: number | null;
  body: string;
  trace_id: string | null;
  attributes: string;
}

/** The logs of a `log` container item (protocol.md §10): `{ version?, items: [...] }`. */
export function readLogRecords(payload: unknown): LogRecord[] {
  const items = readObject(payload)?.['items'];
  if (!Array.isArray(items)) return [];
  const records: LogRecord[] = [];
  for (const entry of items) {
    const log = readObject(entry);
    if (!log) continue;
    const severity = log['severity_number'];
    records.push({
      timestamp: readTime(log['timestamp']) ?? null,
      level: readString(log['level']) ?? 'info',
      severity: typeof severity === 'number' && Number.isFinite(severity) ? severity : null,
      body: typeof log['body'] === 'string' ? log['body'] : JSON.stringify(log['body'] ?? ''),
      trace_id: readString(log['trace_id']) ?? null,
      attributes: JSON.stringify(readObject(log['attributes']) ?? {}),
    });
  }
  return records;
}
