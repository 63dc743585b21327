export type { StoreEngine } from './database';
export { DATABASE_FILE_NAME, type StoreEngineChoice } from './open-database';
export { openStore, type Store, type StoreOptions } from './open-store';
export type { LogQuery } from './read-logs';
export { DEFAULT_RETENTION_DAYS, type RetentionOptions } from './retention';
export type { IncomingEnvelope, StoredItem } from './write-envelope';
