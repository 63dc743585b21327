import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { receivedEvents, runSubject } from '../runtime-lib/run-subject';

const here = import.meta.dirname;
let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await ingest.close();
});

describe('anrIntegration in a real process', () => {
  it('reports an event loop blocked past the threshold, from its worker thread', async () => {
    const result = await runSubject(join(here, 'subject.cjs'), ingest);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('unblocked\n');
    const [event, ...others] = receivedEvents(ingest);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      level: 'error',
      release: 'e2e@1.0.0',
      tags: { case: 'anr' },
      contexts: { runtime: { name: 'node', version: process.version } },
    });
    const exception = event!.exception!.values![0]!;
    expect(exception).toMatchObject({
      type: 'ApplicationNotResponding',
      mechanism: { type: 'auto.node.anr', handled: false },
    });
    expect(Number(/at least (\d+) ms/.exec(exception.value!)![1])).toBeGreaterThanOrEqual(300);
    expect(exception.stacktrace).toBeUndefined();
  });

  it("includes the main thread's stack with captureStackTrace", async () => {
    const script = join(here, 'subject.cjs');
    const result = await runSubject(script, ingest, { env: { CAPTURE_STACK: '1' } });
    expect(result.code).toBe(0);
    const [event] = receivedEvents(ingest);
    const frames = event!.exception!.values![0]!.stacktrace!.frames!;
    expect(frames.at(-1)).toMatchObject({ function: 'hashPasswords', abs_path: script, lineno: 14, in_app: true });
    // the inspector knows the arrow function as anonymous, where Error.stack says Timeout._onTimeout
    expect(frames.at(-2)).toMatchObject({ function: '?', abs_path: script, lineno: 20, in_app: true });
    expect(frames.some((frame) => frame.filename?.startsWith('node:') && frame.in_app === false)).toBe(true);
  });

  it('never keeps a finished process alive', async () => {
    const result = await runSubject(join(here, 'subject-idle.cjs'), ingest);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('done\n');
    expect(ingest.received).toEqual([]);
  });
});
