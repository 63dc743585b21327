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

describe('localVariablesIntegration in a real process', () => {
  it('sends the locals of the throwing frame and its caller with an uncaught exception (CommonJS)', async () => {
    const result = await runSubject(join(here, 'subject.cjs'), ingest);
    expect(result.code).toBe(1);
    const [event, ...others] = receivedEvents(ingest);
    expect(others).toEqual([]);
    const frames = event!.exception!.values!.at(-1)!.stacktrace!.frames!;
    expect(frames.at(-1)).toMatchObject({
      function: 'applyDiscount',
      vars: {
        order: { total: 125, items: 'Array(2)' },
        code: 'HALF',
        percent: 50,
        customer: { id: 'c_42', tier: 'gold', address: 'Object' },
      },
    });
    // two levels: the caller's array is opened, the objects in it are summarised
    expect(frames.at(-2)).toMatchObject({
      function: 'checkout',
      vars: { items: ['Object', 'Object'], order: { total: 125, items: 'Array(2)' } },
    });
    expect(frames.filter((frame) => frame.in_app === false).every((frame) => frame.vars === undefined)).toBe(true);
  });

  it('does the same in an ES module app', async () => {
    const result = await runSubject(join(here, 'subject.mjs'), ingest);
    expect(result.code).toBe(1);
    const [event] = receivedEvents(ingest);
    const frames = event!.exception!.values!.at(-1)!.stacktrace!.frames!;
    expect(frames.at(-1)).toMatchObject({ function: 'parsePort', vars: { raw: 'eighty', port: 'NaN' } });
    expect(frames.at(-2)!.vars).toEqual({ config: { port: 'eighty', host: 'localhost' } });
  });
});
