// Test helpers for the HTTP instrumentation: an SDK whose transport records, and local servers.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  close,
  getCurrentScope,
  getIsolationScope,
  setAsyncContextStrategy,
  type Event,
} from '@sentry-sdk/core';
import { createRecordingTransport, type RecordingTransport } from '@sentry-sdk/test-utils';
import type { NodeClient, NodeOptions } from '../client';
import { init } from '../sdk';

/** An SDK started with `init` whose envelopes are recorded. */
export interface TestSdk {
  client: NodeClient;
  recording: RecordingTransport;
  events: () => Event[];
  transactions: () => Event[];
  /** Waits (5 s at most) until `count` items of `type` were sent. */
  waitFor: (type: 'event' | 'transaction', count: number) => Promise<Event[]>;
  stop: () => Promise<void>;
}

export const TEST_DSN = 'http://ab12cd34ef56ab12cd34ef56ab12cd34@127.0.0.1:9/4711';

/** `init` with only the given integrations, tracing at 100 % unless told otherwise, and a recording transport. */
export function startTestSdk(options: NodeOptions = {}): TestSdk {
  const recording = createRecordingTransport();
  getIsolationScope().clearBreadcrumbs(); // what earlier tests of the worker left
  const client = init({
    dsn: TEST_DSN,
    tracesSampleRate: 1,
    defaultIntegrations: false,
    ...options,
    transport: recording.factory,
  });
  if (!client) throw new Error('init returned no client');
  const events = (): Event[] => recording.payloads<Event>('event');
  const transactions = (): Event[] => recording.payloads<Event>('transaction');
  return {
    client,
    recording,
    events,
    transactions,
    async waitFor(type, count) {
      const read = type === 'event' ? events : transactions;
      for (let waited = 0; read().length < count && waited < 5000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return read();
    },
    async stop() {
      await close(500);
      getCurrentScope().setClient(undefined);
      setAsyncContextStrategy(undefined);
    },
  };
}

/** A `node:http` server on 127.0.0.1 with its base URL. */
export interface TestServer {
  url: string;
  server: http.Server;
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1. */
export async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
