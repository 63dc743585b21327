import type { Database } from './database';

/** How much the store keeps: items younger than `retentionDays`, and at most `maxItems` of them. */
export interface RetentionOptions {
  retentionDays?: number | undefined;
  maxItems?: number | undefined;
}

/** The default age limit: a week of a developer's events. */
export const DEFAULT_RETENTION_DAYS = 7;

/** Deletes what is past the retention limits, oldest first; returns how many items went. */
export function applyRetention(db: Database, options: RetentionOptions, now: number): number {
  let removed = 0;
  db.transaction(() => {
    if (options.retentionDays !== undefined) {
      const cutoff = now - options.retentionDays * 86_400;
      removed += countItems(db, 'received_at < ?', [cutoff]);
      db.run('DELETE FROM envelopes WHERE received_at < ?', [cutoff]);
    }
    if (options.maxItems !== undefined) {
      // ids only grow and only the oldest rows are ever deleted, so the newest N are the last N ids
      const edge = db.all<{ edge: number | null }>('SELECT MAX(id) - ? AS edge FROM items', [options.maxItems])[0]?.edge;
      const excess = typeof edge === 'number' && edge > 0 ? countItems(db, 'id <= ?', [edge]) : 0;
      if (typeof edge === 'number' && excess > 0) {
        removed += excess;
        db.run('DELETE FROM items WHERE id <= ?', [edge]);
        db.run('DELETE FROM envelopes WHERE id < (SELECT MIN(envelope_id) FROM items)');
      }
    }
  });
  return removed;
}

function countItems(db: Database, where: string, params: number[]): number {
  return Number(db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM items WHERE ${where}`, params)[0]?.n ?? 0);
}
