// Runs in its own worker: the server instrumentation is installed once per process, here without
// the `http.server.request.start` channel, as on runtimes that do not publish it.
import * as http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { captureMessage, requestDataIntegration, setTag } from '@sentry-sdk/core';
import { getOriginalFunction } from '@sentry-sdk/core/internal';
import { instrumentHttpServer } from './http-server';
import { startServer, startTestSdk, type TestServer, type TestSdk } from './http.test-helper';

let sdk: TestSdk | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  await sdk?.stop();
});

describe('incoming requests without the diagnostics channel', () => {
  it('wraps Server.prototype.emit and still isolates concurrent requests in their own transactions', async () => {
    sdk = startTestSdk({ integrations: [requestDataIntegration()] });
    instrumentHttpServer(
      sdk.client,
      {
        spans: true,
        ignoreHealthChecks: true,
        maxIncomingRequestBodySize: 'none',
        trackIncomingRequestsAsSessions: false,
      },
      false,
    );
    const emit = Object.getOwnPropertyDescriptor(http.Server.prototype, 'emit')?.value as (
      ...args: unknown[]
    ) => unknown;
    expect(getOriginalFunction(emit)).toBeTypeOf('function');

    server = await startServer((req, res) => {
      setTag('path', req.url);
      setTimeout(
        () => {
          captureMessage(`done ${req.url}`);
          res.end();
        },
        req.url === '/a' ? 30 : 1,
      );
    });
    await Promise.all(['/a', '/b'].map((path) => fetch(`${server!.url}${path}`)));
    const events = await sdk.waitFor('event', 2);
    expect(
      events.map((event) => [event.logentry?.message, event.tags?.['path'], event.request?.url]).sort(),
    ).toEqual([
      ['done /a', '/a', `${server.url}/a`],
      ['done /b', '/b', `${server.url}/b`],
    ]);
    const transactions = await sdk.waitFor('transaction', 2);
    expect(transactions.map((event) => event.transaction).sort()).toEqual(['GET /a', 'GET /b']);
    // each error belongs to its own request's trace
    for (const event of events) {
      const own = transactions.find(
        (transaction) => transaction.transaction === `GET ${String(event.tags?.['path'])}`,
      );
      expect(event.contexts!.trace!['trace_id']).toBe(own!.contexts!.trace!['trace_id']);
    }
  });
});
