import { runInTransaction, type Database, type SqlValue } from './database';

/** The part of `node:sqlite` (Node 22.5+) the store uses; @types/node 20 does not describe it. */
interface NodeSqliteModule {
  DatabaseSync: new (file: string) => {
    exec(sql: string): void;
    prepare(sql: string): {
      run(...params: SqlValue[]): { lastInsertRowid: number | bigint };
      all(...params: SqlValue[]): unknown[];
    };
    close(): void;
  };
}

/** `node:sqlite` when this Node has it (22.13+, or 22.5+ with --experimental-sqlite), else undefined. */
export async function loadNodeSqlite(): Promise<NodeSqliteModule | undefined> {
  const specifier = 'node:sqlite';
  try {
    const module = (await import(specifier)) as Partial<NodeSqliteModule>;
    return typeof module.DatabaseSync === 'function' ? (module as NodeSqliteModule) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Node's built-in SQLite: writes go straight to the file. The journal stays in rollback mode (not
 * WAL) so that the same file opens under sql.js when the sidecar next runs on an older Node.
 */
export function openNodeSqliteDatabase(sqlite: NodeSqliteModule, file: string): Database {
  const db = new sqlite.DatabaseSync(file);
  db.exec('PRAGMA journal_mode = DELETE');
  db.exec('PRAGMA foreign_keys = ON');
  let closed = false;
  return {
    engine: 'node:sqlite',
    exec: (sql) => db.exec(sql),
    run(sql, params = []) {
      const { lastInsertRowid } = db.prepare(sql).run(...params);
      return { lastInsertRowid: Number(lastInsertRowid) };
    },
    all: <T extends object>(sql: string, params: readonly SqlValue[] = []) =>
      db.prepare(sql).all(...params) as T[],
    transaction: (fn) => runInTransaction(db, fn),
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
