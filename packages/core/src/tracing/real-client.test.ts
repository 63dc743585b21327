import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, initAndBind } from '../client';
import type { Envelope } from '../envelope';
import { getCurrentScope, getGlobalScope, getIsolationScope } from '../scope';
import { createTransport } from '../transport';
import type { ClientOptions, Event, TransportOptions, TransportRequestExecutor } from '../types';
import { _setSpanForScope } from './span-for-scope';
import { startInactiveSpan, startSpan } from './start-span';
import type { TracingOptions } from './types';

/** Node's global fetch as the runtime half of a transport. */
function fetchTransport(options: TransportOptions) {
  const makeRequest: TransportRequestExecutor = async ({ body }) => {
    const response = await fetch(options.url, { method: 'POST', body });
    return { statusCode: response.status, headers: { 'x-sentry-rate-limits': null, 'retry-after': null } };
  };
  return createTransport(options, makeRequest);
}

let server: IngestServer;
beforeEach(async () => {
  server = await startIngestServer();
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()]) {
    scope.clear().setClient(undefined);
    _setSpanForScope(scope, undefined);
  }
});
afterEach(async () => {
  await server.close();
});

function init(extra: TracingOptions & Partial<ClientOptions>): Client {
  return initAndBind(Client, {
    dsn: server.dsn,
    integrations: [],
    stackParser: () => [],
    transport: fetchTransport,
    sdk: { name: 'acme.javascript.test', version: '1.2.3' },
    platform: 'node',
    release: 'shop@2.0.0',
    sendClientReports: false,
    ...extra,
  });
}

const itemsOf = (envelope: Envelope, type: string) =>
  envelope[1].filter((item) => item[0].type === type).map((item) => item[1]);

describe('tracing with the real Client, to a real ingest server', () => {
  it('delivers a transaction with its child spans that validates against Relay’s schema', async () => {
    const client = init({ tracesSampleRate: 1 });
    getIsolationScope().setTag('region', 'eu');
    startSpan(
      { name: 'GET /orders/:id', op: 'http.server', attributes: { 'sentry.source': 'route' } },
      () => {
        startSpan(
          {
            name: 'SELECT * FROM orders WHERE id = $1',
            op: 'db.query',
            attributes: { 'db.system': 'postgresql' },
          },
          (span) => {
            span.setStatus('ok');
          },
        );
        startInactiveSpan({ name: 'never ended' });
      },
    );
    expect(await client.flush(5000)).toBe(true);

    const [received] = await server.waitForEnvelopes(1);
    const [transaction] = itemsOf(received!.envelope, 'transaction') as Event[];
    assertValidEvent(transaction);
    const trace = transaction!.contexts!['trace'] as Record<string, unknown>;
    expect(transaction).toMatchObject({
      type: 'transaction',
      transaction: 'GET /orders/:id',
      transaction_info: { source: 'route' },
      release: 'shop@2.0.0',
      tags: { region: 'eu' },
    });
    expect(trace).toMatchObject({ op: 'http.server', origin: 'manual' });
    expect(trace['trace_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(transaction!.spans).toHaveLength(1);
    expect(transaction!.spans![0]).toMatchObject({
      trace_id: trace['trace_id'],
      parent_span_id: trace['span_id'],
      op: 'db.query',
      status: 'ok',
      data: { 'db.system': 'postgresql' },
    });
    expect(received!.envelope[0].trace).toMatchObject({ trace_id: trace['trace_id'] });
  });

  it('sends nothing for an unsampled trace but counts it in the client report', async () => {
    const client = init({ tracesSampleRate: 0, sendClientReports: true });
    startSpan({ name: 'GET /health' }, () => startSpan({ name: 'child' }, () => undefined));
    expect(await client.close(5000)).toBe(true);
    const envelopes = await server.waitForEnvelopes(1);
    expect(envelopes.flatMap((r) => itemsOf(r.envelope, 'transaction'))).toHaveLength(0);
    const reports = envelopes.flatMap((r) => itemsOf(r.envelope, 'client_report')) as {
      discarded_events: unknown[];
    }[];
    expect(reports.flatMap((report) => report.discarded_events)).toEqual(
      expect.arrayContaining([
        { reason: 'sample_rate', category: 'transaction', quantity: 1 },
        { reason: 'sample_rate', category: 'span', quantity: 2 },
      ]),
    );
  });

  it('takes the established SDKs’ `setStatus({ code, message })` as the status on the wire', async () => {
    const client = init({ tracesSampleRate: 1 });
    startSpan({ name: 'GET /orders/:id' }, (root) => {
      root.setStatus({ code: 2, message: 'not_found' });
      startSpan({ name: 'error without a name' }, (span) => span.setStatus({ code: 2 }));
      startSpan({ name: 'unknown name' }, (span) => span.setStatus({ code: 2, message: 'it broke' }));
      startSpan({ name: 'ok' }, (span) => span.setStatus({ code: 1 }));
    });
    expect(await client.flush(5000)).toBe(true);

    const [received] = await server.waitForEnvelopes(1);
    const [transaction] = itemsOf(received!.envelope, 'transaction') as Event[];
    assertValidEvent(transaction);
    expect(transaction!.contexts!['trace']).toMatchObject({ status: 'not_found' });
    expect(transaction!.spans!.map((span) => [span.description, span.status])).toEqual([
      ['error without a name', 'internal_error'],
      ['unknown name', 'internal_error'],
      ['ok', 'ok'],
    ]);
  });
});
