import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEnvelope, type Envelope } from '@sentry-sdk/core/internal';
import { createIndexedDbStore } from './create-indexed-db-store';

// An in-memory IndexedDB for the store's logic; the e2e offline case runs it in real Chromium.
beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function envelope(n: number): Envelope {
  const id = String(n).padStart(32, '0');
  return createEnvelope({ event_id: id }, [[{ type: 'event' }, { event_id: id, message: `event ${n}` }]]);
}

const idOf = (value: Envelope | undefined): unknown => value?.[0].event_id;

describe('createIndexedDbStore', () => {
  it('adds its store to a database of the same name that exists without it', async () => {
    // what a page's own `indexedDB.open(name)` does before the SDK first stores: version 1, no stores
    const opened = indexedDB.open('sentry-offline');
    await new Promise((resolve) => (opened.onsuccess = resolve));
    opened.result.close();

    const store = createIndexedDbStore();
    await store.push(envelope(1));
    expect(idOf(await store.shift())).toBe(envelope(1)[0].event_id);
  });

  it('gives envelopes back oldest first, as they were, and undefined when empty', async () => {
    const store = createIndexedDbStore();
    await store.push(envelope(1));
    await store.push(envelope(2));
    const first = await store.shift();
    expect(first).toEqual(envelope(1));
    expect(idOf(await store.shift())).toBe(envelope(2)[0].event_id);
    expect(await store.shift()).toBeUndefined();
  });

  it('puts an envelope back at the front with unshift', async () => {
    const store = createIndexedDbStore();
    await store.push(envelope(1));
    await store.push(envelope(2));
    const oldest = await store.shift();
    await store.unshift(oldest!);
    expect(idOf(await store.shift())).toBe(envelope(1)[0].event_id);
    expect(idOf(await store.shift())).toBe(envelope(2)[0].event_id);
  });

  it('keeps at most maxQueueSize envelopes, dropping newer ones', async () => {
    const store = createIndexedDbStore({ maxQueueSize: 2 });
    for (const n of [1, 2, 3]) await store.push(envelope(n));
    const kept = [idOf(await store.shift()), idOf(await store.shift()), idOf(await store.shift())];
    expect(kept).toEqual([envelope(1)[0].event_id, envelope(2)[0].event_id, undefined]);
  });

  it('keeps envelopes across stores of the same database (a reload), and apart in another', async () => {
    await createIndexedDbStore({ dbName: 'app' }).push(envelope(7));
    expect(await createIndexedDbStore({ dbName: 'other' }).shift()).toBeUndefined();
    expect(idOf(await createIndexedDbStore({ dbName: 'app' }).shift())).toBe(envelope(7)[0].event_id);
  });

  it('keeps binary attachments byte for byte', async () => {
    const bytes = new Uint8Array([0, 255, 10, 13, 7]);
    const withAttachment = createEnvelope({ event_id: 'a'.repeat(32) }, [
      [{ type: 'event' }, { event_id: 'a'.repeat(32) }],
      [{ type: 'attachment', length: bytes.length, filename: 'dump.bin' }, bytes],
    ]);
    const store = createIndexedDbStore();
    await store.push(withAttachment);
    const back = await store.shift();
    expect(Array.from(back?.[1][1]?.[1] as Uint8Array)).toEqual([0, 255, 10, 13, 7]);
  });

  it('rejects (and so lets the offline transport drop) where there is no IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(createIndexedDbStore().push(envelope(1))).rejects.toThrow(/IndexedDB/);
  });
});
