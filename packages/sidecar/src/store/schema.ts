import type { Database } from './database';

/** Bumped when the tables change; an older file is migrated by `migrate`. */
export const SCHEMA_VERSION = 1;

// Times are Unix seconds (float). `received_at` is when the sidecar got the envelope and drives
// retention and ordering; `timestamp`/`start_time` are what the payload says.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS envelopes (
  id INTEGER PRIMARY KEY,
  received_at REAL NOT NULL,
  project_id TEXT,
  public_key TEXT,
  sdk TEXT,
  headers TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS envelopes_by_time ON envelopes(received_at);
CREATE TABLE IF NOT EXISTS items (
  id INTEGER PRIMARY KEY,
  envelope_id INTEGER NOT NULL REFERENCES envelopes(id) ON DELETE CASCADE,
  received_at REAL NOT NULL,
  kind TEXT NOT NULL,
  event_id TEXT,
  trace_id TEXT,
  group_key TEXT,
  timestamp REAL,
  start_time REAL,
  name TEXT,
  detail TEXT,
  level TEXT,
  status TEXT,
  size INTEGER NOT NULL,
  headers TEXT NOT NULL,
  encoding TEXT NOT NULL,
  payload BLOB
);
CREATE INDEX IF NOT EXISTS items_by_kind ON items(kind, received_at);
CREATE INDEX IF NOT EXISTS items_by_time ON items(received_at);
CREATE INDEX IF NOT EXISTS items_by_trace ON items(trace_id);
CREATE INDEX IF NOT EXISTS items_by_issue ON items(group_key, received_at);
CREATE INDEX IF NOT EXISTS items_by_event ON items(event_id);
CREATE INDEX IF NOT EXISTS items_by_envelope ON items(envelope_id);
CREATE TABLE IF NOT EXISTS logs (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  received_at REAL NOT NULL,
  timestamp REAL,
  level TEXT,
  severity INTEGER,
  body TEXT,
  trace_id TEXT,
  attributes TEXT
);
CREATE INDEX IF NOT EXISTS logs_by_time ON logs(timestamp);
CREATE INDEX IF NOT EXISTS logs_by_level ON logs(level, timestamp);
CREATE INDEX IF NOT EXISTS logs_by_item ON logs(item_id);
CREATE INDEX IF NOT EXISTS logs_by_trace ON logs(trace_id);
`;

/** Creates the tables of a new file; refuses a file written by a newer sidecar. */
export function migrate(db: Database): void {
  db.exec(SCHEMA);
  const [row] = db.all<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'");
  const version = row ? Number(row.value) : 0;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `the data directory was written by a newer sidecar (schema ${version}); use another --data directory`,
    );
  }
  if (version < SCHEMA_VERSION) {
    db.run("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", [String(SCHEMA_VERSION)]);
  }
}
