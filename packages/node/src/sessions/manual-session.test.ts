import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  captureEvent,
  captureException,
  captureMessage,
  captureSession,
  endSession,
  getCurrentScope,
  setUser,
  startSession,
} from '@sentry-sdk/core';
import type { SessionUpdate } from '@sentry-sdk/core/internal';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { NodeClient } from '../client';
import { nodeStackParser } from '../stack';
import { makeNodeTransport } from '../transport';

let ingest: IngestServer;
let client: NodeClient;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await client.close(1000);
  getCurrentScope().setClient(undefined);
  setUser(null);
  await ingest.close();
});

function start(release: string | null = 'cli@1.4.0'): void {
  client = new NodeClient({
    dsn: ingest.dsn,
    environment: 'staging',
    integrations: [],
    stackParser: nodeStackParser,
    transport: makeNodeTransport,
    sdk: { name: 'oss.javascript.node', version: '0.0.0' },
    platform: 'node',
    ...(release !== null && { release }),
  });
  getCurrentScope().setClient(client);
  client.setupIntegrations();
}

/** The session updates that reached the ingest server, in the order they were sent. */
async function sessionUpdates(): Promise<SessionUpdate[]> {
  await client.flush(2000);
  return ingest.received.flatMap(({ envelope }) =>
    envelope[1]
      .filter(([headers]) => headers.type === 'session')
      .map(([, payload]) => payload as SessionUpdate),
  );
}

describe('manual user-mode sessions in Node (startSession / captureSession / endSession)', () => {
  it('sends nothing until the app starts a session', async () => {
    start();
    captureException(new Error('no session yet'));
    expect(await sessionUpdates()).toEqual([]);
  });

  it('starts, counts errors, and ends as exited with a duration, as protocol.md §8.1 describes', async () => {
    start();
    setUser({ id: 'user-7' });
    startSession();
    captureException(new Error('first'));
    captureException(new Error('second'));
    captureMessage('a message never counts', 'error');
    await client.flush(2000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    endSession();

    const updates = await sessionUpdates();
    expect(updates.map(({ init, status, errors }) => ({ init, status, errors }))).toEqual([
      { init: true, status: 'ok', errors: 0 },
      { init: false, status: 'ok', errors: 1 },
      { init: false, status: 'exited', errors: 2 },
    ]);
    const [first, , last] = updates;
    expect(first).toMatchObject({
      sid: expect.stringMatching(/^[0-9a-f]{32}$/),
      did: 'user-7',
      attrs: { release: 'cli@1.4.0', environment: 'staging' },
    });
    expect(new Set(updates.map((update) => update.sid)).size).toBe(1);
    expect(last!.started).toBe(first!.started);
    expect(last!.duration).toBeGreaterThanOrEqual(0.015);
  });

  it('crashes on an unhandled error, and a crashed session sends nothing more', async () => {
    start();
    startSession();
    captureEvent({
      level: 'error',
      exception: {
        values: [{ type: 'Error', value: 'uncaught', mechanism: { type: 'test', handled: false } }],
      },
    });
    await client.flush(2000);
    captureSession();
    endSession();
    const updates = await sessionUpdates();
    expect(updates.map(({ status, errors }) => ({ status, errors }))).toEqual([
      { status: 'ok', errors: 0 },
      { status: 'crashed', errors: 1 },
    ]);
  });

  it('captureSession sends the state now; startSession again ends the session before; close ends the last', async () => {
    start();
    startSession();
    captureSession();
    startSession();
    await client.close(2000);
    const updates = ingest.received.flatMap(({ envelope }) =>
      envelope[1]
        .filter(([headers]) => headers.type === 'session')
        .map(([, payload]) => payload as SessionUpdate),
    );
    expect(updates.map(({ init, status }) => ({ init, status }))).toEqual([
      { init: true, status: 'ok' },
      { init: false, status: 'ok' },
      { init: false, status: 'exited' },
      { init: true, status: 'ok' },
      { init: false, status: 'exited' },
    ]);
    expect(updates[3]!.sid).not.toBe(updates[0]!.sid);
  });

  it('starts no session without a release', async () => {
    start(null);
    startSession();
    captureException(new Error('no release'));
    endSession();
    expect(await sessionUpdates()).toEqual([]);
    expect(ingest.received.length).toBeGreaterThan(0);
  });
});
