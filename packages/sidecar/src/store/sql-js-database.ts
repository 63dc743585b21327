import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { runInTransaction, type Database, type SqlValue } from './database';

type SqlJsDatabase = initSqlJs.Database;

/** sql.js keeps the database in memory: it is written to the file this long after a change. */
export const DEFAULT_PERSIST_INTERVAL_MS = 1000;

let sqlJs: Promise<initSqlJs.SqlJsStatic> | undefined;

/**
 * SQLite compiled to WebAssembly (no native build, no download at install time). The database
 * lives in memory and is written whole to `file` (through a temporary file and a rename, so a
 * crash never leaves half a file) at most `persistIntervalMs` after a change, and on close.
 */
export async function openSqlJsDatabase(
  file: string,
  persistIntervalMs: number = DEFAULT_PERSIST_INTERVAL_MS,
): Promise<Database> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  const db: SqlJsDatabase = existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const persist = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // export() closes and reopens the in-memory database, which resets pragmas: set them again
    writeFileSync(`${file}.tmp`, db.export());
    renameSync(`${file}.tmp`, file);
    db.exec('PRAGMA foreign_keys = ON');
  };
  const schedulePersist = (): void => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      try {
        persist();
      } catch (error) {
        // a full disk must not stop the receiver: the next change or close tries again
        console.warn(`[sidecar] could not write ${file}: ${String(error)}`);
      }
    }, persistIntervalMs);
    timer.unref?.();
  };
  let depth = 0;
  const changed = (): void => {
    if (depth === 0) schedulePersist();
  };

  const database: Database = {
    engine: 'sql.js',
    exec(sql) {
      db.exec(sql);
      changed();
    },
    run(sql, params = []) {
      db.run(sql, params as SqlValue[]);
      changed();
      const rowid = db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0];
      return { lastInsertRowid: Number(rowid ?? 0) };
    },
    all<T extends object>(sql: string, params: readonly SqlValue[] = []): T[] {
      const statement = db.prepare(sql, params as SqlValue[]);
      try {
        const rows: T[] = [];
        while (statement.step()) rows.push(statement.getAsObject() as T);
        return rows;
      } finally {
        statement.free();
      }
    },
    transaction(fn) {
      depth += 1;
      try {
        return runInTransaction({ exec: (sql) => db.exec(sql) }, fn);
      } finally {
        depth -= 1;
        changed();
      }
    },
    close() {
      if (closed) return;
      persist();
      closed = true;
      db.close();
    },
  };
  db.exec('PRAGMA foreign_keys = ON');
  return database;
}
