import { readFileSync } from 'node:fs';
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

describe('an uncaught exception in an ES module app', () => {
  it('is sent with file paths (not file:// URLs), modules and context lines, then the process exits with code 1', async () => {
    const result = await runSubject(join(here, 'subject.mjs'), ingest);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('TypeError: port must be a number, got eighty');

    const [event, ...others] = receivedEvents(ingest);
    expect(others).toEqual([]);
    expect(event).toMatchObject({ level: 'fatal', environment: 'e2e', platform: 'node' });
    const exception = event!.exception!.values!.at(-1)!;
    expect(exception).toMatchObject({
      type: 'TypeError',
      mechanism: { type: 'auto.node.onuncaughtexception', handled: false },
    });

    const library = join(here, 'lib', 'config.mjs');
    const subject = join(here, 'subject.mjs');
    const inApp = exception.stacktrace!.frames!.filter((frame) => frame.in_app);
    expect(
      inApp.map(({ function: fn, abs_path: path, module, lineno }) => ({ fn, path, module, lineno })),
    ).toEqual([
      { fn: '?', path: subject, module: 'subject', lineno: 6 },
      { fn: 'loadConfig', path: library, module: 'lib:config', lineno: 4 },
    ]);
    const libraryLines = readFileSync(library, 'utf8').split('\n');
    expect(inApp[1]).toMatchObject({
      filename: library,
      context_line: libraryLines[3],
      pre_context: libraryLines.slice(0, 3),
    });
    expect(inApp[0]!.context_line).toBe("loadConfig({ port: 'eighty' });");
    expect(event!.contexts).toMatchObject({ runtime: { name: 'node' }, os: {}, device: {}, app: {} });
  });
});
