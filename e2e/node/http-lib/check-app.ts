// The requests every framework case drives its apps with, and what must reach the ingest server.
import { expect } from 'vitest';
import type { Event } from '@sentry-sdk/core';
import type { IngestServer } from '@sentry-sdk/test-utils';
import { itemsOf, spansOf, waitForIngest, type Service } from './services';

const NAMES = ['slow', 'fast', 'middle', 'quick'];

/** What the case's app is. */
export interface AppExpectations {
  /** The error mechanism of the framework's error handler. */
  mechanism: string;
  /** The message of the error `/boom` throws. */
  boom: string;
  /** The route `/users/:id` is named after (a prefix for Koa's router). */
  usersRoute: string;
  /** The route the concurrent requests are named after. */
  concurrentRoute: string;
  boomRoute: string;
  /** Where the app's routes are mounted (`/v1`). Default: the root. */
  prefix?: string;
}

function appItems(ingest: IngestServer, type: 'event' | 'transaction'): Event[] {
  return itemsOf(ingest, type).filter((event) => event.server_name !== 'downstream');
}

/**
 * Drives a running app: a request that calls the downstream service, four concurrent requests
 * whose scopes must not mix, and a request whose route throws; then checks what was sent.
 */
export async function checkApp(
  app: Service,
  downstream: Service,
  ingest: IngestServer,
  expected: AppExpectations,
): Promise<void> {
  const base = `${app.url}${expected.prefix ?? ''}`;
  const user = (await (await fetch(`${base}/users/42`)).json()) as {
    id: string;
    stock: number;
    sentryTrace: string;
  };
  expect(user).toMatchObject({ id: '42', stock: 3 });
  const bodies = await Promise.all(
    NAMES.map(async (name) => (await fetch(`${base}/concurrent/${name}`)).text()),
  );
  expect(bodies).toEqual(NAMES);
  expect((await fetch(`${base}/boom`)).status).toBe(500);

  await waitForIngest(
    ingest,
    () =>
      appItems(ingest, 'transaction').length >= 6 &&
      appItems(ingest, 'event').length >= 5 &&
      itemsOf(ingest, 'transaction').some((event) => event.server_name === 'downstream'),
  );
  const transactions = appItems(ingest, 'transaction');
  const events = appItems(ingest, 'event');

  // one trace across both services: app transaction → http.client span → downstream transaction
  const users = transactions.find((event) => event.transaction === `GET ${expected.usersRoute}`);
  expect(users, `transactions: ${transactions.map((event) => event.transaction).join(', ')}`).toBeDefined();
  expect(users).toMatchObject({
    transaction_info: { source: 'route' },
    contexts: { trace: { op: 'http.server', status: 'ok' } },
  });
  const client = spansOf(users!).find((span) => span['op'] === 'http.client');
  expect(client).toMatchObject({ description: `GET ${downstream.url}/inventory/42`, status: 'ok' });
  const traceId = users!.contexts!.trace!['trace_id'];
  expect(user.sentryTrace).toBe(`${String(traceId)}-${String(client!['span_id'])}-1`);
  const remote = itemsOf(ingest, 'transaction').find((event) => event.server_name === 'downstream');
  expect(remote).toMatchObject({
    transaction: 'GET /inventory/42',
    contexts: { trace: { trace_id: traceId, parent_span_id: client!['span_id'], op: 'http.server' } },
  });

  // concurrent requests: each message carries its own request's tag, URL and trace
  const concurrent = transactions.filter((event) => event.transaction === `GET ${expected.concurrentRoute}`);
  expect(concurrent).toHaveLength(NAMES.length);
  for (const name of NAMES) {
    const message = events.find((event) => event.logentry?.message === `handled ${name}`);
    expect(message, `message of ${name}`).toMatchObject({
      tags: { request: name },
      transaction: `GET ${expected.concurrentRoute}`,
      request: { url: `${base}/concurrent/${name}` },
    });
    const own = concurrent.find((event) => event.tags?.['request'] === name);
    expect(own!.request!.url).toBe(`${base}/concurrent/${name}`);
    expect(message!.contexts!.trace!['trace_id']).toBe(own!.contexts!.trace!['trace_id']);
  }

  // the error route: captured once, unhandled, by the framework's handler, named after the route
  const errors = events.filter((event) => event.exception);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({
    transaction: `GET ${expected.boomRoute}`,
    request: { method: 'GET', url: `${base}/boom` },
    exception: {
      values: [{ value: expected.boom, mechanism: { type: expected.mechanism, handled: false } }],
    },
  });
  const boom = transactions.find((event) => event.transaction === `GET ${expected.boomRoute}`);
  expect(boom!.contexts!.trace!['status']).toBe('internal_error');
}
