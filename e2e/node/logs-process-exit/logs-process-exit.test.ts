import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedLog } from '@sentry-sdk/core/internal';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { runSubject } from '../runtime-lib/run-subject';

const script = join(import.meta.dirname, 'subject.mjs');
let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await ingest.close();
});

const sentLogs = (): SerializedLog[] =>
  ingest.received
    .flatMap(({ envelope }) => envelope[1])
    .filter(([headers]) => headers.type === 'log')
    .flatMap(([, payload]) => (payload as { items: SerializedLog[] }).items);

function expectJobLogs(): void {
  const logs = sentLogs();
  expect(logs.map((log) => [log.level, log.body, log.attributes['sentry.origin']?.value])).toEqual([
    ['info', 'Importing 3 files', undefined],
    ['info', 'file 1 of 3 done', 'auto.log.console'],
    ['warn', 'file b.csv is large', 'auto.log.console'],
    ['info', 'parsed', 'auto.log.pino'],
    ['warn', '4 rows skipped', 'auto.log.winston'],
    ['error', 'one file failed', 'auto.log.pino'],
  ]);
  for (const log of logs) {
    expect(log.attributes['sentry.release']).toEqual({ type: 'string', value: 'job@1.0.0' });
    expect(log.attributes['sentry.sdk.name']).toEqual({ type: 'string', value: 'oss.javascript.node' });
    expect(log.attributes['server.address']?.type).toBe('string');
  }
  expect(logs[3]!.attributes).toMatchObject({
    rows: { type: 'integer', value: 1200 },
    job: { type: 'string', value: 'import' },
  });
  expect(logs[4]!.attributes['sentry.message.template']).toEqual({
    type: 'string',
    value: '%s rows skipped',
  });
  expect(logs[5]!.attributes['sentry.trace.parent_span_id']?.value).toMatch(/^[0-9a-f]{16}$/);
  // all logs of the run went out together
  expect(ingest.received.filter(({ envelope }) => envelope[1].some(([h]) => h.type === 'log'))).toHaveLength(
    1,
  );
}

describe('logs of a Node process', () => {
  it('reach Sentry on flush, from the logger, the console, pino and winston', async () => {
    const result = await runSubject(script, ingest, { env: { FLUSH_AT_END: '1' } });
    expect(result.code).toBe(0);
    expectJobLogs();
  });

  it('reach Sentry when the process ends on its own', async () => {
    const result = await runSubject(script, ingest);
    expect(result.code).toBe(0);
    expectJobLogs();
  });

  it('prints exactly what it prints without the SDK', async () => {
    const withSdk = await runSubject(script, ingest);
    const without = await runSubject(script, ingest, { env: { WITH_SDK: '0' } });
    // pino and winston write on their own schedules, so the order of their lines varies run to run
    const stable = (text: string) =>
      text.replace(/"time":\d+/g, '"time":0').replace(/"pid":\d+/g, '"pid":0').split('\n').sort().join('\n');
    expect(without.stdout).toContain('file 1 of 3 done');
    expect(stable(withSdk.stdout)).toBe(stable(without.stdout));
    expect(withSdk.stderr).toBe(without.stderr);
  });
});
