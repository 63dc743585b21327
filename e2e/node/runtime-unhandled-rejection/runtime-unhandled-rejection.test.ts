import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { receivedEvents, runSubject } from '../runtime-lib/run-subject';

const script = join(import.meta.dirname, 'subject.cjs');
let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await ingest.close();
});

function onlyException() {
  const events = receivedEvents(ingest);
  expect(events).toHaveLength(1);
  const exception = events[0]!.exception!.values!.at(-1)!;
  expect(exception).toMatchObject({
    type: 'Error',
    value: 'invoice 42 not found',
    mechanism: { type: 'auto.node.onunhandledrejection', handled: false },
  });
  const frame = exception.stacktrace!.frames!.at(-1)!;
  expect(frame).toMatchObject({ function: 'fetchInvoice', abs_path: script, lineno: 11, in_app: true });
  expect(frame.context_line).toBe('  throw new Error(`invoice ${id} not found`);');
  return events[0]!;
}

describe('an unhandled promise rejection', () => {
  it.each([
    ['the default mode', undefined],
    ['mode warn', 'warn'],
  ])('in %s: is captured as an error, warned about, and the app carries on', async (_, mode) => {
    const result = await runSubject(script, ingest, { env: mode ? { REJECTION_MODE: mode } : {} });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('still running\n');
    expect(result.stderr).toContain('UnhandledPromiseRejectionWarning: Error: invoice 42 not found');
    expect(onlyException().level).toBe('error');
  });

  it('in mode strict: is captured as fatal, printed, and the process exits with code 1 before going on', async () => {
    const result = await runSubject(script, ingest, { env: { REJECTION_MODE: 'strict' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Error: invoice 42 not found');
    expect(result.stderr).not.toContain('Warning');
    expect(onlyException().level).toBe('fatal');
  });

  it('in mode none: is captured silently and the app carries on', async () => {
    const result = await runSubject(script, ingest, { env: { REJECTION_MODE: 'none' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('still running\n');
    expect(result.stderr).toBe('');
    expect(onlyException().level).toBe('error');
  });
});
