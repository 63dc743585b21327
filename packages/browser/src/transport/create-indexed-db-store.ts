import type { OfflineStore } from '@sentry-sdk/core';
import { copyOwnEntries, parseEnvelope, serializeEnvelope, type Envelope } from '@sentry-sdk/core/internal';

/** Where the offline store keeps envelopes, and how many at most. */
export interface IndexedDbStoreOptions {
  /** Default `sentry-offline`. */
  dbName?: string;
  /** Default `queue`. */
  storeName?: string;
  /** Envelopes kept at most (default 30); when full, newer envelopes are dropped. */
  maxQueueSize?: number;
}

type Body = string | Uint8Array;

function promisify<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(
  factory: IDBFactory,
  dbName: string,
  storeName: string,
  version?: number,
): Promise<IDBDatabase> {
  const request = version === undefined ? factory.open(dbName) : factory.open(dbName, version);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(storeName)) request.result.createObjectStore(storeName);
  };
  return promisify(request).then((db) => {
    if (db.objectStoreNames.contains(storeName) || version !== undefined) return db;
    // The database exists without our store (other code made it, or opened it first and so created
    // it empty): only a version change may add a store.
    const next = db.version + 1;
    db.close();
    return openDatabase(factory, dbName, storeName, next);
  });
}

/**
 * Runs `work` in one read-write transaction and resolves with what it reports once the transaction
 * committed: a shift and its delete happen together, so two tabs never send the same envelope.
 */
function inTransaction<T>(
  db: IDBDatabase,
  storeName: string,
  work: (store: IDBObjectStore, report: (value: T) => void) => void,
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, 'readwrite');
    let result: T | undefined;
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    work(transaction.objectStore(storeName), (value) => {
      result = value;
    });
  });
}

/** Calls `found` with the first (or last) key of the store, `undefined` when it is empty. */
function edgeKey(
  store: IDBObjectStore,
  direction: 'next' | 'prev',
  found: (key: number | undefined) => void,
): void {
  const request = store.openKeyCursor(null, direction);
  request.onsuccess = () => found(request.result ? (request.result.key as number) : undefined);
}

/**
 * An offline store on IndexedDB (for `makeOfflineTransport`): envelopes survive a closed tab or a
 * reload, kept serialized, oldest first, at most `maxQueueSize`. Without IndexedDB (private modes
 * of some browsers) every operation fails, and the offline transport then drops what it cannot keep.
 */
export function createIndexedDbStore(input: IndexedDbStoreOptions = {}): OfflineStore {
  const options = copyOwnEntries<IndexedDbStoreOptions>(input);
  const dbName = options.dbName ?? 'sentry-offline';
  const storeName = options.storeName ?? 'queue';
  const maxQueueSize = options.maxQueueSize ?? 30;
  let database: Promise<IDBDatabase> | undefined;

  const db = (): Promise<IDBDatabase> => {
    const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    if (!factory) return Promise.reject(new Error('IndexedDB is not available'));
    database ??= openDatabase(factory, dbName, storeName).catch((error: unknown) => {
      database = undefined;
      throw error;
    });
    return database;
  };

  const insert = async (envelope: Envelope, at: 'front' | 'back'): Promise<void> => {
    const body: Body = serializeEnvelope(envelope);
    await inTransaction<void>(await db(), storeName, (store) => {
      const count = store.count();
      count.onsuccess = () => {
        if (count.result >= maxQueueSize) return;
        edgeKey(store, at === 'back' ? 'prev' : 'next', (key) => {
          store.put(body, key === undefined ? 0 : at === 'back' ? key + 1 : key - 1);
        });
      };
    });
  };

  return {
    push: (envelope) => insert(envelope, 'back'),
    unshift: (envelope) => insert(envelope, 'front'),
    async shift() {
      const body = await inTransaction<Body>(await db(), storeName, (store, report) => {
        const request = store.openCursor();
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return;
          report(cursor.value as Body);
          cursor.delete();
        };
      });
      return body === undefined ? undefined : parseEnvelope(body);
    },
  };
}
