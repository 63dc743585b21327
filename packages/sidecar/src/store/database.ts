/** A value SQLite stores: the engines agree on these. */
export type SqlValue = string | number | null | Uint8Array;

/** A row as the engines return it: column name to value. */
export type SqlRow = Record<string, SqlValue>;

/** The storage engines the sidecar can run on. */
export type StoreEngine = 'node:sqlite' | 'sql.js';

/**
 * The few things the store asks of SQLite, so that Node's built-in `node:sqlite` and the
 * WebAssembly build `sql.js` are interchangeable.
 */
export interface Database {
  readonly engine: StoreEngine;
  /** Runs statements without parameters (schema, pragmas). */
  exec(sql: string): void;
  /** Runs one statement; returns the rowid of an insert. */
  run(sql: string, params?: readonly SqlValue[]): { lastInsertRowid: number };
  /** Runs one query and returns every row. */
  all<T extends object = SqlRow>(sql: string, params?: readonly SqlValue[]): T[];
  /** Runs `fn` inside one transaction, rolled back when it throws. */
  transaction<T>(fn: () => T): T;
  /** Writes what is pending and closes the file. */
  close(): void;
}

/** Runs `fn` between BEGIN and COMMIT on an engine that takes plain SQL for both. */
export function runInTransaction<T>(db: Pick<Database, 'exec'>, fn: () => T): T {
  db.exec('BEGIN');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
