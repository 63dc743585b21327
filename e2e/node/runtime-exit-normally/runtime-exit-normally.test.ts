import { createServer } from 'node:net';
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

describe('a process that ends on its own', () => {
  it('sends what was captured last (flush on beforeExit) and exits with code 0', async () => {
    const result = await runSubject(script, ingest);
    expect(result.code).toBe(0);
    const [event, ...others] = receivedEvents(ingest);
    expect(others).toEqual([]);
    expect(event).toMatchObject({ level: 'info', logentry: { message: 'batch finished' } });
    // console breadcrumbs, oldest first, with the event levels
    expect(event!.breadcrumbs!.values!.map(({ level, message }) => ({ level, message }))).toEqual([
      { level: 'info', message: 'processing 3 items for ada { batch: [ 1, 2, 3 ] }' },
      { level: 'info', message: 'done' },
      { level: 'warning', message: 'slow item: item-2' },
      { level: 'error', message: 'printed, not thrown' },
    ]);
  });

  it('prints exactly what it prints without the SDK', async () => {
    const withSdk = await runSubject(script, ingest);
    const without = await runSubject(script, ingest, { env: { WITH_SDK: '0' } });
    expect(without.stdout).toBe('processing 3 items for ada { batch: [ 1, 2, 3 ] }\ndone\n');
    expect(withSdk.stdout).toBe(without.stdout);
    expect(withSdk.stderr).toBe(without.stderr);
  });

  it('is not kept alive by an ingest server that never answers: it waits shutdownTimeout at most', async () => {
    ingest.respondWith({ kind: 'hang' });
    const result = await runSubject(script, ingest, { env: { SHUTDOWN_TIMEOUT: '300' } });
    expect(result.code).toBe(0);
    expect(ingest.received).toHaveLength(1);
    // the transport's own timeout is 30 s: only the SDK letting go ends the process this early
    expect(result.durationMs).toBeLessThan(8_000);
  });

  it('waits shutdownTimeout once for buffered logs that the ingest server never answers', async () => {
    ingest.respondWith({ kind: 'hang' });
    const env = { CAPTURE: '0', LOG: '1', SHUTDOWN_TIMEOUT: '3000' };
    const result = await runSubject(script, ingest, { env });
    expect(result.code).toBe(0);
    expect(ingest.received.map(({ envelope }) => envelope[1].map(([item]) => item.type))).toEqual([['log']]);
    // twice the timeout (6 s and more) when the flush counted its own log envelope as new work
    expect(result.durationMs).toBeGreaterThanOrEqual(3000);
    expect(result.durationMs).toBeLessThan(5000);
  });

  it('is not kept alive by spotlight when no sidecar runs, with tracing on', async () => {
    const sidecarUrl = `http://127.0.0.1:${await closedPort()}/stream`;
    const result = await runSubject(script, ingest, { env: { SENTRY_SPOTLIGHT: sidecarUrl, TRACES: '1' } });
    expect(result.code).toBe(0);
    expect(result.durationMs).toBeLessThan(8_000);
    // the event, and nothing about the SDK's own posts to the sidecar
    expect(ingest.received.map(({ envelope }) => envelope[1].map(([item]) => item.type))).toEqual([['event']]);
  });

  it('sends the request sessions it counted when a server closes and the process ends', async () => {
    const result = await runSubject(join(import.meta.dirname, 'server-subject.cjs'), ingest);
    expect(result.code).toBe(0);
    const sessions = ingest.received
      .flatMap(({ envelope }) => envelope[1])
      .filter(([item]) => item.type === 'sessions')
      .map(([, payload]) => payload);
    expect(sessions).toEqual([
      {
        aggregates: [{ started: expect.stringMatching(/:00\.000Z$/), exited: 1 }],
        attrs: { release: 'server@1.0.0', environment: 'production' },
      },
    ]);
  });

  it('exits without delay when nothing was captured', async () => {
    const result = await runSubject(script, ingest, { env: { CAPTURE: '0', SHUTDOWN_TIMEOUT: '10000' } });
    expect(result.code).toBe(0);
    expect(result.durationMs).toBeLessThan(8_000);
    expect(ingest.received).toHaveLength(0);
  });
});

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
