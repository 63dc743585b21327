import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { createInMemoryOfflineStore, type OfflineStore } from '@sentry-sdk/core';
import { copyOwnEntries, debug, DEBUG_BUILD, parseEnvelope, serializeEnvelope, type Envelope } from '@sentry-sdk/core/internal';

/** Options of createFileOfflineStore. */
export interface FileOfflineStoreOptions {
  /** The directory of the stored envelopes (created when missing). Share it only between apps of one DSN. */
  dir: string;
  /** Envelopes kept at most; past it the oldest are dropped. Default 30. */
  maxEntries?: number;
  /** Bytes kept at most (serialized envelopes); past it the oldest are dropped. Default 10 MiB. */
  maxBytes?: number;
}

const SUFFIX = '.envelope';
// <15-digit ms time>-<pid>-<counter>-<random>-<bytes>.envelope: sorting the names sorts by age, and
// the size is in the name so that bounding the store needs no stat per file
const NAME = /^(\d{15})-\d+-\d+-[0-9a-f]+-(\d+)\.envelope$/;

/**
 * An offline store of one file per envelope, for `makeOfflineTransport`. Safe for several processes
 * sharing the directory: files are written under a temporary name and renamed into place (readers
 * never see half a file), names are unique (time, pid, counter, random), and a reader claims a file
 * by renaming it before reading, so no envelope is read (and sent) twice. Oldest dropped when full.
 */
export function createFileOfflineStore(input: FileOfflineStoreOptions): OfflineStore {
  const options = copyOwnEntries<FileOfflineStoreOptions>(input);
  const { dir } = options;
  if (typeof dir !== 'string' || dir === '') {
    DEBUG_BUILD && debug.warn('createFileOfflineStore: option `dir` must be a directory path; envelopes are kept in memory instead.');
    return createInMemoryOfflineStore();
  }
  const maxEntries = positive(options.maxEntries, 30);
  const maxBytes = positive(options.maxBytes, 10 * 1024 * 1024);
  // the names the envelopes had before they were shifted: unshift puts them back in their place
  const shiftedNames = new WeakMap<Envelope, number>();
  let counter = 0;
  let ready: Promise<unknown> | undefined;

  const unique = (): string => `${process.pid}-${(counter += 1)}-${randomBytes(4).toString('hex')}`;

  const write = async (envelope: Envelope, time: number): Promise<void> => {
    const body = Buffer.from(serializeEnvelope(envelope));
    if (body.length > maxBytes) return;
    ready ??= fs.mkdir(dir, { recursive: true });
    await ready;
    const temporary = join(dir, `.tmp-${unique()}`);
    await fs.writeFile(temporary, body);
    await fs.rename(temporary, join(dir, `${String(time).padStart(15, '0')}-${unique()}-${body.length}${SUFFIX}`));
    await dropOldest(dir, maxEntries, maxBytes);
  };

  return {
    push: (envelope) => write(envelope, Date.now()),
    unshift: (envelope) => write(envelope, shiftedNames.get(envelope) ?? 0),
    async shift() {
      for (const name of await listEnvelopes(dir)) {
        const claimed = join(dir, `.claimed-${unique()}`);
        try {
          await fs.rename(join(dir, name), claimed);
        } catch {
          continue; // another process claimed it first
        }
        try {
          const envelope = parseEnvelope(await fs.readFile(claimed));
          shiftedNames.set(envelope, Number(NAME.exec(name)?.[1] ?? 0));
          return envelope;
        } catch {
          // an unreadable file is dropped
        } finally {
          await fs.unlink(claimed).catch(() => undefined);
        }
      }
      return undefined;
    },
  };
}

/** The envelope files of `dir`, oldest first; none when it does not exist. */
async function listEnvelopes(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((name) => NAME.test(name)).sort();
  } catch {
    return [];
  }
}

async function dropOldest(dir: string, maxEntries: number, maxBytes: number): Promise<void> {
  const names = await listEnvelopes(dir);
  let bytes = names.reduce((sum, name) => sum + Number(NAME.exec(name)![2]), 0);
  let count = names.length;
  for (const name of names) {
    if (count <= maxEntries && bytes <= maxBytes) return;
    count -= 1;
    bytes -= Number(NAME.exec(name)![2]);
    // ENOENT: another process dropped or claimed it
    await fs.unlink(join(dir, name)).catch(() => undefined);
  }
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}
