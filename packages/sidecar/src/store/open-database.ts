import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, StoreEngine } from './database';
import { loadNodeSqlite, openNodeSqliteDatabase } from './node-sqlite-database';
import { openSqlJsDatabase } from './sql-js-database';

/** The file of the database inside the data directory. */
export const DATABASE_FILE_NAME = 'sidecar.sqlite';

/** Which engine to use: `auto` picks `node:sqlite` when this Node has it, else `sql.js`. */
export type StoreEngineChoice = StoreEngine | 'auto';

/** Opens (or creates) the database file in `dataDir` on the chosen engine. */
export async function openDatabase(
  dataDir: string,
  engine: StoreEngineChoice = 'auto',
  persistIntervalMs?: number,
): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATABASE_FILE_NAME);
  if (engine !== 'sql.js') {
    const sqlite = await loadNodeSqlite();
    if (sqlite) return openNodeSqliteDatabase(sqlite, file);
    if (engine === 'node:sqlite')
      throw new Error('node:sqlite is not available in this Node (it needs 22.5 or later)');
  }
  return openSqlJsDatabase(file, persistIntervalMs);
}
