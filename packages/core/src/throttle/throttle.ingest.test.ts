// Client-side throttling, asserted on what a real ingest server received (events and client reports).
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, initAndBind } from '../client';
import { logger } from '../logs';
import { getCurrentScope, getGlobalScope, getIsolationScope } from '../scope';
import { startSpan } from '../tracing';
import { createTransport } from '../transport';
import type { ClientOptions, StackFrame, TransportOptions } from '../types';

function fetchTransport(options: TransportOptions) {
  return createTransport(options, async ({ body }) => {
    const response = await fetch(options.url, { method: 'POST', body });
    return { statusCode: response.status };
  });
}

// frames come from the error's own stack, as a runtime's parser reads them
const stackParser = (stack: string): StackFrame[] => [
  { filename: '/app/loop.js', function: /at (\w+)/.exec(stack)?.[1] ?? '?', lineno: 1, in_app: true },
];

let server: IngestServer;
beforeEach(async () => {
  server = await startIngestServer();
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()])
    scope.clear().setClient(undefined);
});
afterEach(async () => {
  await server.close();
});

function init(extra: Partial<ClientOptions>): Client {
  return initAndBind(Client, {
    dsn: server.dsn,
    integrations: [],
    stackParser,
    transport: fetchTransport,
    sdk: { name: 'acme.javascript.test', version: '1.2.3' },
    platform: 'node',
    ...extra,
  });
}

type Json = Record<string, any>;
const payloadsOf = (type: string): Json[] =>
  server.received.flatMap(({ envelope }) =>
    envelope[1].filter(([h]) => h.type === type).map(([, p]) => p as Json),
  );
const discarded = (): Json[] => payloadsOf('client_report').flatMap((report) => report['discarded_events']);

function errorAt(functionName: string, message: string): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}\n    at ${functionName} (/app/loop.js:1:1)`;
  return error;
}

describe('client-side throttling', () => {
  it('limits events of one error per minute, counts the rest as ratelimit_backoff, and lets other errors through', async () => {
    const client = init({ maxErrorsPerMinute: 3 });
    for (let frame = 0; frame < 6; frame++) client.captureException(errorAt('render', `frame ${frame}`));
    client.captureException(errorAt('save', 'disk full'));
    await client.flush(5000);
    const values = payloadsOf('event').map((event) => event['exception'].values[0].value as string);
    expect(values.sort()).toEqual(['disk full', 'frame 0', 'frame 1', 'frame 2']);
    expect(discarded()).toEqual([{ reason: 'ratelimit_backoff', category: 'error', quantity: 3 }]);
  });

  it('has no limit with maxErrorsPerMinute: 0', async () => {
    const client = init({ maxErrorsPerMinute: 0 });
    for (let frame = 0; frame < 6; frame++) client.captureException(errorAt('render', `frame ${frame}`));
    await client.flush(5000);
    expect(payloadsOf('event')).toHaveLength(6);
  });

  it('gives transactions and logs their own budgets', async () => {
    const client = init({
      tracesSampleRate: 1,
      maxTransactionsPerMinute: 2,
      enableLogs: true,
      maxLogsPerMinute: 4,
    });
    for (let i = 0; i < 3; i++)
      startSpan({ name: `job ${i}` }, () => startSpan({ name: 'step' }, () => undefined));
    for (let i = 0; i < 6; i++) logger.info(`line ${i}`);
    client.captureException(errorAt('render', 'still sent'));
    await client.flush(5000);
    expect(payloadsOf('transaction').map((t) => t['transaction'])).toEqual(['job 0', 'job 1']);
    expect(
      payloadsOf('log').flatMap((container) => container['items'].map((log: Json) => log['body'])),
    ).toEqual(['line 0', 'line 1', 'line 2', 'line 3']);
    expect(payloadsOf('event')).toHaveLength(1);
    const byKey = Object.fromEntries(
      discarded().map((entry) => [`${entry['reason']}:${entry['category']}`, entry['quantity']]),
    );
    expect(byKey).toMatchObject({
      'ratelimit_backoff:transaction': 1,
      'ratelimit_backoff:span': 2,
      'ratelimit_backoff:log_item': 2,
    });
    expect(byKey['ratelimit_backoff:log_byte']).toBeGreaterThan(0);
  });
});
