import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCurrentScope, setTag, type Event } from '@sentry-sdk/core';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { NodeClient } from '../client';
import { nodeStackParser } from '../stack';
import { makeNodeTransport } from '../transport';
import { anrIntegration, type AnrOptions } from './anr';

let ingest: IngestServer;
let client: NodeClient | undefined;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await client?.close(1000);
  getCurrentScope().setClient(undefined);
  await ingest.close();
});

function start(options: AnrOptions): void {
  client = new NodeClient({
    dsn: ingest.dsn,
    release: 'anr@1.0.0',
    integrations: [anrIntegration(options)],
    stackParser: nodeStackParser,
    transport: makeNodeTransport,
    sdk: { name: 'oss.javascript.node', version: '0.0.0' },
    platform: 'node',
  });
  getCurrentScope().setClient(client);
  client.setupIntegrations();
}

function blockEventLoop(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy: no heartbeat can be sent
  }
}

const idle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function receivedEvent(): Promise<Event> {
  const [received] = await ingest.waitForEnvelopes(1, 5000);
  const event = received!.envelope[1][0]![1] as Event;
  assertValidEvent(event);
  return event;
}

describe('anrIntegration', () => {
  it('sends an ApplicationNotResponding event from its worker while the main thread is blocked', async () => {
    setTag('phase', 'checkout');
    start({ anrThreshold: 200, pollInterval: 20 });
    await idle(300); // the worker starts
    blockEventLoop(700);
    const event = await receivedEvent();
    expect(event).toMatchObject({
      level: 'error',
      platform: 'node',
      release: 'anr@1.0.0',
      tags: { phase: 'checkout' },
      contexts: { runtime: { name: 'node' }, device: { arch: process.arch } },
    });
    const exception = event.exception!.values![0]!;
    expect(exception.type).toBe('ApplicationNotResponding');
    expect(exception.mechanism).toEqual({ type: 'auto.node.anr', handled: false });
    const blocked = Number(/at least (\d+) ms/.exec(exception.value!)![1]);
    expect(blocked).toBeGreaterThanOrEqual(200);
    expect(exception.stacktrace).toBeUndefined();
    setTag('phase', undefined);
  });

  it("adds the main thread's stack with captureStackTrace", async () => {
    start({ anrThreshold: 200, pollInterval: 20, captureStackTrace: true });
    await idle(1000); // the worker's inspector session is enabled
    blockEventLoop(1500);
    const frames = (await receivedEvent()).exception!.values![0]!.stacktrace!.frames!;
    expect(frames.at(-1)).toMatchObject({ function: 'blockEventLoop', in_app: true });
    expect(frames.at(-1)!.abs_path).toContain('anr.test.ts');
  });

  it('sends nothing while the event loop keeps turning', async () => {
    start({ anrThreshold: 200, pollInterval: 20 });
    for (let i = 0; i < 10; i += 1) {
      blockEventLoop(50);
      await idle(20);
    }
    await idle(300);
    expect(ingest.received).toEqual([]);
  });
});
