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

const messages = (): (string | undefined)[] => receivedEvents(ingest).map((event) => event.logentry?.message);

describe('a server stopped by a signal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s without handlers of its own: sends what is pending, then ends by the signal as Node would',
    async (signal) => {
      const result = await runSubject(script, ingest, {
        onLine: { line: 'ready', run: (child) => child.kill(signal) },
      });
      expect(result.signal).toBe(signal);
      expect(result.code).toBeNull();
      expect(messages()).toEqual(['shutting down soon']);
    },
  );

  it("on SIGTERM with the app's own handler: sends what is pending and lets the app decide", async () => {
    const result = await runSubject(script, ingest, {
      env: { APP_HANDLER: '1' },
      onLine: { line: 'ready', run: (child) => child.kill('SIGTERM') },
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('ready\napp closing\n');
    expect(messages()).toEqual(['shutting down soon']);
  });
});
