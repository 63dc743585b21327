import { readObject, readString } from '../grouping';
import type { Database, SqlValue } from './database';
import { readTime } from './read-time';
import { decodePayload } from './write-envelope';
import type { MonitorTimeline, SessionEntry, StoreSummary } from '../viewer-api';

// "the latest in-progress check-in of this monitor" (protocol.md §9)
const LATEST_IN_PROGRESS = '00000000000000000000000000000000';

/**
 * Check-ins grouped per monitor and per run (`check_in_id`), the most recently active monitor
 * first. A run's final check-in decides its status whatever order the two arrived in: SDKs send
 * them concurrently.
 */
export function listCheckIns(db: Database, limit = 1000): MonitorTimeline[] {
  const rows = db.all<Record<string, SqlValue>>(
    "SELECT name, status, received_at, trace_id, encoding, payload FROM items WHERE kind = 'check_in' ORDER BY id DESC LIMIT ?",
    [limit],
  );
  const monitors = new Map<string, MonitorTimeline>();
  for (const row of rows.reverse()) {
    const payload = readObject(decodePayload(row['encoding'] ?? null, row['payload'] ?? null)) ?? {};
    const slug = String(row['name']);
    const monitor = monitors.get(slug) ?? {
      monitor_slug: slug,
      last_status: null,
      last_seen: 0,
      checkins: [],
    };
    monitors.set(slug, monitor);
    const status = (row['status'] as string | null) ?? null;
    const receivedAt = Number(row['received_at']);
    let id = readString(payload['check_in_id']) ?? null;
    if (id === LATEST_IN_PROGRESS)
      id = [...monitor.checkins].reverse().find((run) => run.status === 'in_progress')?.check_in_id ?? id;
    const run = id === null ? undefined : monitor.checkins.find((candidate) => candidate.check_in_id === id);
    const update = {
      duration: readTime(payload['duration']) ?? null,
      environment: readString(payload['environment']) ?? null,
      trace_id: (row['trace_id'] as string | null) ?? null,
      schedule: readObject(payload['monitor_config'])?.['schedule'] ?? null,
    };
    if (!run) {
      monitor.checkins.push({ check_in_id: id, status, received_at: receivedAt, updates: 1, ...update });
    } else {
      run.updates += 1;
      run.received_at = Math.min(run.received_at, receivedAt);
      if (status !== 'in_progress') {
        run.status = status;
        run.duration = update.duration ?? run.duration;
      }
      run.environment ??= update.environment;
      run.trace_id ??= update.trace_id;
      run.schedule ??= update.schedule;
    }
    monitor.last_seen = Math.max(monitor.last_seen, receivedAt);
  }
  for (const monitor of monitors.values())
    monitor.last_status = monitor.checkins[monitor.checkins.length - 1]?.status ?? null;
  return [...monitors.values()].sort((a, b) => b.last_seen - a.last_seen);
}

/** Session updates and aggregates, newest first. */
export function listSessions(db: Database, limit = 500): SessionEntry[] {
  return db
    .all<Record<string, SqlValue>>(
      "SELECT kind, received_at, name, status, encoding, payload FROM items WHERE kind IN ('session', 'sessions') ORDER BY id DESC LIMIT ?",
      [limit],
    )
    .map((row) => ({
      kind: String(row['kind']),
      received_at: Number(row['received_at']),
      release: (row['name'] as string | null) ?? null,
      status: (row['status'] as string | null) ?? null,
      payload: decodePayload(row['encoding'] ?? null, row['payload'] ?? null),
    }));
}

/** How many items of each kind are stored, and how many issues, traces and logs they make. */
export function getSummary(db: Database): StoreSummary {
  const items: Record<string, number> = {};
  for (const row of db.all<{ kind: string; n: number }>(
    'SELECT kind, COUNT(*) AS n FROM items GROUP BY kind ORDER BY kind',
  )) {
    items[row.kind] = Number(row.n);
  }
  const count = (sql: string): number => Number(db.all<{ n: number }>(sql)[0]?.n ?? 0);
  return {
    items,
    issues: count("SELECT COUNT(DISTINCT group_key) AS n FROM items WHERE kind = 'event'"),
    traces: count("SELECT COUNT(DISTINCT trace_id) AS n FROM items WHERE kind IN ('transaction', 'span')"),
    logs: count('SELECT COUNT(*) AS n FROM logs'),
    envelopes: count('SELECT COUNT(*) AS n FROM envelopes'),
  };
}
