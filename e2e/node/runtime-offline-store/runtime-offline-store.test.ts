import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { receivedEvents, runSubject } from '../runtime-lib/run-subject';

const here = import.meta.dirname;
let ingest: IngestServer;
let dir: string;
beforeEach(async () => {
  ingest = await startIngestServer();
  dir = mkdtempSync(join(tmpdir(), 'e2e-offline-'));
});
afterEach(async () => {
  await ingest.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the file-backed offline store shared by two processes', () => {
  it('keeps what could not be sent and sends each envelope exactly once when the server is back', async () => {
    ingest.respondWith({ kind: 'reset' }); // down: connections are cut without an answer
    const children: ChildProcess[] = [];
    let ready = 0;
    const whenStored = (child: ChildProcess): void => {
      children.push(child);
      ready += 1;
      if (ready < 2) return;
      ingest.respondWith({ kind: 'status', status: 200 });
      ingest.received.length = 0; // what reached the server while it was down failed
      for (const waiting of children) waiting.kill('SIGUSR2');
    };
    const run = (writer: string) =>
      runSubject(join(here, 'subject.cjs'), ingest, {
        env: { OFFLINE_DIR: dir, WRITER: writer },
        onLine: { line: 'stored', run: whenStored },
        timeoutMs: 30_000,
      });
    const results = await Promise.all([run('a'), run('b')]);
    expect(results.map((result) => result.code)).toEqual([0, 0]);

    const values = receivedEvents(ingest).map(
      (event) => event.exception?.values?.at(-1)?.value ?? event.logentry?.message,
    );
    const expected = ['a', 'b'].flatMap((writer) => [
      ...Array.from({ length: 5 }, (_, i) => `${writer} offline ${i}`),
      `${writer} online`,
    ]);
    expect(values.slice().sort()).toEqual(expected.sort());
    expect(readdirSync(dir).filter((name) => name.endsWith('.envelope'))).toEqual([]);
  });
});
