import { join } from 'node:path';
import type { StoreEngine } from './database';
import { DATABASE_FILE_NAME, openDatabase, type StoreEngineChoice } from './open-database';
import { getAttachment, getEvent, getIssue, listIssues } from './read-issues';
import { listLogs, type LogQuery } from './read-logs';
import { getSummary, listCheckIns, listSessions } from './read-monitors';
import { getTrace, listTraces } from './read-traces';
import { applyRetention, type RetentionOptions } from './retention';
import { migrate } from './schema';
import { writeEnvelope, type IncomingEnvelope, type StoredItem } from './write-envelope';

/** Where and how the store keeps its data. */
export interface StoreOptions extends RetentionOptions {
  dataDir: string;
  engine?: StoreEngineChoice | undefined;
  /** sql.js only: how long after a change the file is written. */
  persistIntervalMs?: number | undefined;
  /** The clock in Unix seconds (tests move it). */
  now?: (() => number) | undefined;
}

/** The envelope store: every item of every envelope, in SQLite under the data directory. */
export interface Store {
  readonly engine: StoreEngine;
  readonly file: string;
  write(incoming: IncomingEnvelope): StoredItem[];
  /** Deletes what is past the retention limits; runs after every write and every hour. */
  applyRetention(): number;
  listIssues(): ReturnType<typeof listIssues>;
  getIssue(id: string): ReturnType<typeof getIssue>;
  getEvent(eventId: string): ReturnType<typeof getEvent>;
  getAttachment(id: number): ReturnType<typeof getAttachment>;
  listTraces(): ReturnType<typeof listTraces>;
  getTrace(traceId: string): ReturnType<typeof getTrace>;
  listLogs(query?: LogQuery): ReturnType<typeof listLogs>;
  listCheckIns(): ReturnType<typeof listCheckIns>;
  listSessions(): ReturnType<typeof listSessions>;
  getSummary(): ReturnType<typeof getSummary>;
  close(): void;
}

const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/** Opens the store in `options.dataDir` (created when missing) and applies retention once. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const db = await openDatabase(options.dataDir, options.engine, options.persistIntervalMs);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const now = options.now ?? (() => Date.now() / 1000);
  const retention = (): number => applyRetention(db, options, now());
  retention();
  const timer = setInterval(retention, RETENTION_INTERVAL_MS);
  timer.unref?.();

  return {
    engine: db.engine,
    file: join(options.dataDir, DATABASE_FILE_NAME),
    write(incoming) {
      const stored = writeEnvelope(db, incoming);
      retention();
      return stored;
    },
    applyRetention: retention,
    listIssues: () => listIssues(db),
    getIssue: (id) => getIssue(db, id),
    getEvent: (eventId) => getEvent(db, eventId),
    getAttachment: (id) => getAttachment(db, id),
    listTraces: () => listTraces(db),
    getTrace: (traceId) => getTrace(db, traceId),
    listLogs: (query) => listLogs(db, query),
    listCheckIns: () => listCheckIns(db),
    listSessions: () => listSessions(db),
    getSummary: () => getSummary(db),
    close() {
      clearInterval(timer);
      db.close();
    },
  };
}
