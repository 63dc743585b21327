import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { runSubject, type SubjectResult } from '../runtime-lib/run-subject';

interface AuditSummary {
  seed: number;
  inputs: number;
  entryPoints: number;
  failures: { name: string; error: string }[];
  lifecycle: Record<string, unknown>;
}

type Json = Record<string, any>;

// A fixed seed and a bounded number of runs: the same inputs on every CI run (AUDIT_SEED and
// AUDIT_RUNS explore further by hand).
const SEED = process.env['AUDIT_SEED'] ?? '18';
const RUNS = process.env['AUDIT_RUNS'] ?? '1200';

describe('the hostile-input audit of the Node package (built), against a real ingest server', () => {
  let ingest: IngestServer;
  let result: SubjectResult;
  let summary: AuditSummary;
  let cwd: string;

  beforeAll(async () => {
    ingest = await startIngestServer();
    // the subject runs in a scratch folder: a fuzzed call may create files where it is told
    cwd = mkdtempSync(join(tmpdir(), 'sentry-audit-'));
    result = await runSubject(join(import.meta.dirname, 'audit.mjs'), ingest, {
      cwd,
      env: { AUDIT_SEED: SEED, AUDIT_RUNS: RUNS },
      timeoutMs: 240_000,
    });
    const line = result.stdout.split('\n').find((text) => text.startsWith('AUDIT '));
    summary = JSON.parse(line?.slice('AUDIT '.length) ?? 'null') as AuditSummary;
    console.log(
      `hostile-input audit: tried ${summary?.inputs} inputs over ${summary?.entryPoints} entry points (seed ${SEED}); ${summary?.failures.length} failures`,
    );
  }, 300_000);
  afterAll(async () => {
    await ingest?.close();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('tries every entry point with the fixed seed, and no call throws into the caller or pollutes a prototype', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(summary.seed).toBe(Number(SEED));
    expect(summary.inputs).toBeGreaterThanOrEqual(Number(RUNS));
    expect(summary.entryPoints).toBeGreaterThan(150);
    expect(summary.failures).toEqual([]);
    expect(result.stderr).not.toMatch(/MaxListenersExceededWarning/);
  });

  it('sends only envelopes that parse, with events valid for Relay', () => {
    expect(ingest.rejected).toEqual([]);
    expect(ingest.received.length).toBeGreaterThan(10);
    const events = ingest.received.flatMap(({ envelope }) =>
      envelope[1]
        .filter(([headers]) => headers.type === 'event' || headers.type === 'transaction')
        .map(([, payload]) => payload as Json),
    );
    expect(events.length).toBeGreaterThan(10);
    for (const event of events) assertValidEvent(event);
  });

  it('keeps working through init twice, capture during flush, and close then capture', () => {
    const values = ingest.received.flatMap(({ envelope }) =>
      envelope[1]
        .filter(([headers]) => headers.type === 'event')
        .map(([, payload]) => (payload as Json)['exception']?.values?.[0]?.value as string | undefined),
    );
    const count = (text: string): number => values.filter((value) => value === text).length;
    expect(count('lifecycle: after init twice')).toBe(1);
    expect(count('lifecycle: during flush')).toBe(1);
    expect(count('lifecycle: after close')).toBe(0);
    expect(summary.lifecycle).toMatchObject({
      flushResult: true,
      closeResult: true,
      afterCloseEventId: expect.stringMatching(/^[0-9a-f]{32}$/),
      flushAfterClose: expect.any(Boolean),
    });
  });
});
