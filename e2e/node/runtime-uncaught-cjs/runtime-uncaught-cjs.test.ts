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

describe('an uncaught exception in a CommonJS app', () => {
  it('is sent as a fatal, unhandled event before the process exits with code 1', async () => {
    const script = join(here, 'subject.cjs');
    const result = await runSubject(script, ingest);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('RangeError: amount 250 over the limit');
    expect(result.stderr).toContain(`${script}:9:11`);

    const [event, ...others] = receivedEvents(ingest);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      level: 'fatal',
      platform: 'node',
      release: 'e2e@1.0.0',
      tags: { case: 'uncaught-cjs' },
      sdk: { name: 'oss.javascript.node' },
    });
    const exception = event!.exception!.values!.at(-1)!;
    expect(exception).toMatchObject({
      type: 'RangeError',
      value: 'amount 250 over the limit',
      mechanism: { type: 'auto.node.onuncaughtexception', handled: false },
    });

    const frames = exception.stacktrace!.frames!;
    const sourceLines = readFileSync(script, 'utf8').replace(/\n$/, '').split('\n');
    expect(frames.at(-1)).toMatchObject({
      function: 'chargeCard',
      abs_path: script,
      filename: script,
      module: 'subject',
      lineno: 9,
      colno: 11,
      in_app: true,
      context_line: sourceLines[8],
      pre_context: sourceLines.slice(1, 8),
      post_context: sourceLines.slice(9, 16),
    });
    expect(frames.at(-2)).toMatchObject({
      function: 'Timeout._onTimeout',
      lineno: 14,
      context_line: '  chargeCard(250);',
    });
    expect(frames.some((frame) => frame.filename?.startsWith('node:') && frame.in_app === false)).toBe(true);

    expect(event!.contexts).toMatchObject({
      runtime: { name: 'node', version: process.version },
      os: { kernel_version: expect.any(String) },
      device: { arch: process.arch, memory_size: expect.any(Number), boot_time: expect.any(String) },
      app: { app_start_time: expect.any(String), app_memory: expect.any(Number) },
      culture: { timezone: expect.any(String) },
    });
  });

  it("leaves the decision to the app's own uncaughtException handler", async () => {
    const result = await runSubject(join(here, 'subject-own-handler.cjs'), ingest);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('app handled: handled by the app\nstill running\n');
    const [event] = receivedEvents(ingest);
    expect(event!.exception!.values!.at(-1)).toMatchObject({
      value: 'handled by the app',
      mechanism: { type: 'auto.node.onuncaughtexception', handled: false },
    });
  });

  it('calls onFatalError instead of exiting, once the event was sent', async () => {
    const result = await runSubject(join(here, 'subject-on-fatal-error.cjs'), ingest);
    expect(result.code).toBe(7);
    expect(result.stdout).toBe('fatal: custom fatal\n');
    expect(receivedEvents(ingest).map((event) => event.exception!.values!.at(-1)!.value)).toEqual([
      'custom fatal',
    ]);
  });
});
