import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfflineStore } from '@sentry-sdk/core';
import { createEnvelope, createEventItem, serializeEnvelope, type Envelope } from '@sentry-sdk/core/internal';
import { createFileOfflineStore } from './create-file-offline-store';

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'offline-store-')), 'store');
});
afterEach(() => {
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

const envelope = (id: number, padding = ''): Envelope =>
  createEnvelope({ event_id: String(id).padStart(32, '0') }, [createEventItem({ message: `event ${id}${padding}` })]);

async function drain(store: OfflineStore): Promise<number[]> {
  const ids: number[] = [];
  for (let envelope = await store.shift(); envelope; envelope = await store.shift())
    ids.push(Number(envelope[0].event_id));
  return ids;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2));

describe('createFileOfflineStore', () => {
  it('returns envelopes oldest first, unchanged, and puts a failed retry back in its place', async () => {
    const store = createFileOfflineStore({ dir });
    for (const id of [1, 2, 3]) {
      await store.push(envelope(id));
      await tick();
    }
    const first = (await store.shift())!;
    expect(serializeEnvelope(first)).toEqual(serializeEnvelope(envelope(1)));
    await store.unshift(first);
    expect(await drain(store)).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('drops the oldest envelopes past maxEntries and past maxBytes', async () => {
    const byCount = createFileOfflineStore({ dir, maxEntries: 2 });
    for (const id of [1, 2, 3, 4]) {
      await byCount.push(envelope(id));
      await tick();
    }
    expect(await drain(byCount)).toEqual([3, 4]);

    const size = Buffer.byteLength(serializeEnvelope(envelope(5, 'x'.repeat(1000))));
    const byBytes = createFileOfflineStore({ dir, maxBytes: size * 2 + 10 });
    for (const id of [5, 6, 7]) {
      await byBytes.push(envelope(id, 'x'.repeat(1000)));
      await tick();
    }
    expect(await drain(byBytes)).toEqual([6, 7]);
    await byBytes.push(envelope(8, 'x'.repeat(size * 3)));
    expect(await byBytes.shift()).toBeUndefined();
  });

  it('gives each envelope to exactly one of two readers of the same directory', async () => {
    const writerA = createFileOfflineStore({ dir, maxEntries: 100 });
    const writerB = createFileOfflineStore({ dir, maxEntries: 100 });
    await Promise.all(
      Array.from({ length: 40 }, (_, index) => (index % 2 ? writerA : writerB).push(envelope(index))),
    );
    const [fromA, fromB] = await Promise.all([drain(writerA), drain(writerB)]);
    expect([...fromA, ...fromB].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index));
  });

  it('skips temporary and unreadable files, and has nothing to give before its directory exists', async () => {
    const store = createFileOfflineStore({ dir });
    expect(await store.shift()).toBeUndefined();
    await store.push(envelope(1));
    writeFileSync(join(dir, '.tmp-123-1-abcd'), 'half an envelo');
    writeFileSync(join(dir, '000000000000000-1-1-ab-3.envelope'), '{"broken');
    expect(await drain(store)).toEqual([1]);
    expect(readdirSync(dir)).toEqual(['.tmp-123-1-abcd']);
  });
});
