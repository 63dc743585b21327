import type { Envelope } from '../envelope';

/** Where the offline transport keeps envelopes that could not be sent; runtimes supply IndexedDB and file stores. */
export interface OfflineStore {
  /** Adds an envelope at the end (newest); a full store may drop it. */
  push(envelope: Envelope): Promise<void>;
  /** Puts an envelope back at the front (oldest), after a retry failed. */
  unshift(envelope: Envelope): Promise<void>;
  /** Removes and returns the oldest envelope. */
  shift(): Promise<Envelope | undefined>;
}

/** A store in memory holding at most `maxEntries` envelopes; when full, newer envelopes are dropped. */
export function createInMemoryOfflineStore(maxEntries: number = 30): OfflineStore {
  const entries: Envelope[] = [];
  return {
    push(envelope) {
      if (entries.length < maxEntries) entries.push(envelope);
      return Promise.resolve();
    },
    unshift(envelope) {
      if (entries.length < maxEntries) entries.unshift(envelope);
      return Promise.resolve();
    },
    shift() {
      return Promise.resolve(entries.shift());
    },
  };
}
