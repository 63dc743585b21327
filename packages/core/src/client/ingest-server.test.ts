import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../envelope';
import { getCurrentScope, getGlobalScope, getIsolationScope, Scope, withIsolationScope, withScope } from '../scope';
import { createTransport } from '../transport';
import type { ClientOptions, Event, TransportOptions, TransportRequestExecutor } from '../types';
import { Client } from './client';
import { initAndBind } from './init-and-bind';

/** The runtime side of a transport, as @sentry-sdk/node or browser would supply it: Node's global fetch. */
function fetchTransport(options: TransportOptions) {
  const makeRequest: TransportRequestExecutor = async ({ body }) => {
    const response = await fetch(options.url, { method: 'POST', body });
    return {
      statusCode: response.status,
      headers: {
        'x-sentry-rate-limits': response.headers.get('x-sentry-rate-limits'),
        'retry-after': response.headers.get('retry-after'),
      },
    };
  };
  return createTransport(options, makeRequest);
}

let server: IngestServer;
beforeEach(async () => {
  server = await startIngestServer();
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()])
    scope.clear().setClient(undefined);
});
afterEach(async () => {
  await server.close();
});

function init(extra: Partial<ClientOptions> = {}): Client {
  return initAndBind(Client, {
    dsn: server.dsn,
    integrations: [],
    stackParser: () => [],
    transport: fetchTransport,
    sdk: { name: 'acme.javascript.test', version: '1.2.3' },
    platform: 'node',
    release: 'shop@2.0.0',
    ...extra,
  });
}

const itemsOf = (envelope: Envelope, type: string) =>
  envelope[1].filter((item) => item[0].type === type).map((item) => item[1]);

describe('pipeline against a real ingest server', () => {
  it('delivers an event with the scopes merged, to the envelope endpoint with auth in the query', async () => {
    const client = init();
    getGlobalScope().setTag('layer', 'global').setTag('app', 'shop');
    let id = '';
    withIsolationScope((isolation) => {
      isolation.setTag('layer', 'isolation').setUser({ id: 'u-7', email: 'ana@example.org' });
      withScope((scope) => {
        scope.setTag('layer', 'current').addBreadcrumb({ category: 'cart', message: 'item added' });
        id = client.captureException(new RangeError('quantity out of range'), undefined, scope);
      });
    });
    expect(await client.flush(5000)).toBe(true);

    const [received] = await server.waitForEnvelopes(1);
    expect(received!.url).toBe(
      '/api/4711/envelope/?sentry_version=7&sentry_key=ab12cd34ef56ab12cd34ef56ab12cd34&sentry_client=acme.javascript.test%2F1.2.3',
    );
    const [headers] = received!.envelope;
    expect(headers).toMatchObject({ event_id: id, sdk: { name: 'acme.javascript.test', version: '1.2.3' } });
    expect(typeof headers.sent_at).toBe('string');
    const [event] = itemsOf(received!.envelope, 'event') as Event[];
    assertValidEvent(event);
    expect(event).toMatchObject({
      event_id: id,
      release: 'shop@2.0.0',
      tags: { layer: 'current', app: 'shop' },
      user: { id: 'u-7', email: 'ana@example.org' },
      exception: { values: [{ type: 'RangeError', value: 'quantity out of range' }] },
    });
    expect(event!.breadcrumbs!.values![0]).toMatchObject({ category: 'cart', message: 'item added' });
    expect(headers.trace).toMatchObject({
      trace_id: event!.contexts!['trace']!['trace_id'],
      public_key: 'ab12cd34ef56ab12cd34ef56ab12cd34',
    });
  });

  it('sends a client report counting every drop by reason and category on flush', async () => {
    const client = init({
      beforeSend: (event) => (event.logentry?.message?.startsWith('drop') ? null : event),
      beforeSendTransaction: () => null,
    });
    client.captureMessage('drop one');
    client.captureMessage('drop two');
    client.captureMessage('keep');
    client.captureEvent({
      type: 'transaction',
      transaction: 'GET /',
      start_timestamp: 1,
      timestamp: 2,
      spans: [],
    });
    getIsolationScope().addEventProcessor((event) => (event.logentry?.message === 'filtered' ? null : event));
    client.captureMessage('filtered');
    expect(await client.flush(5000)).toBe(true);

    const envelopes = await server.waitForEnvelopes(2);
    const events = envelopes.flatMap((r) => itemsOf(r.envelope, 'event')) as Event[];
    events.forEach(assertValidEvent);
    expect(events.map((event) => event.logentry?.message)).toEqual(['keep']);
    const reports = envelopes.flatMap((r) => itemsOf(r.envelope, 'client_report')) as {
      discarded_events: { reason: string; category: string; quantity: number }[];
    }[];
    expect(reports).toHaveLength(1);
    expect(reports[0]!.discarded_events).toEqual(
      expect.arrayContaining([
        { reason: 'before_send', category: 'error', quantity: 2 },
        { reason: 'before_send', category: 'transaction', quantity: 1 },
        { reason: 'before_send', category: 'span', quantity: 1 },
        { reason: 'event_processor', category: 'error', quantity: 1 },
      ]),
    );
    expect(reports[0]!.discarded_events).toHaveLength(4);
  });

  it('reports events the server refused (send_error) in the client report sent on close', async () => {
    server.respondWith({ kind: 'status', status: 500 });
    const client = init();
    client.captureMessage('refused');
    await client.flush(5000);
    server.respondWith({ kind: 'status', status: 200 });
    expect(await client.close(5000)).toBe(true);

    const envelopes = await server.waitForEnvelopes(2);
    const reports = envelopes.flatMap((r) => itemsOf(r.envelope, 'client_report')) as {
      discarded_events: unknown[];
    }[];
    expect(reports.flatMap((report) => report.discarded_events)).toEqual([
      { reason: 'send_error', category: 'error', quantity: 1 },
    ]);
    client.captureMessage('after close');
    await client.flush(200);
    expect(server.received).toHaveLength(2);
  });

  it('sends nothing at all with sendClientReports: false', async () => {
    const client = init({ sendClientReports: false, sampleRate: 0 });
    client.captureMessage('sampled out');
    expect(await client.flush(2000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.received).toEqual([]);
  });

  it('sends through a client made by hand and bound to its own Scope, once `client.init()` set it up', async () => {
    // the established SDKs' recipe for browser extensions and other shared pages, without `init`
    const client = new Client({
      dsn: server.dsn,
      integrations: [{ name: 'Widget', processEvent: (event) => ({ ...event, tags: { ...event.tags, widget: 'yes' } }) }],
      stackParser: () => [],
      transport: fetchTransport,
      sdk: { name: 'acme.javascript.test', version: '1.2.3' },
      platform: 'javascript',
      sendClientReports: false,
    });
    const scope = new Scope();
    scope.setTag('extension', 'cart-helper');
    scope.setClient(client);
    client.init();
    scope.captureException(new Error('from the extension'));
    expect(await client.flush(5000)).toBe(true);

    const [received] = await server.waitForEnvelopes(1);
    const [event] = itemsOf(received!.envelope, 'event') as Event[];
    assertValidEvent(event);
    expect(event!.tags).toEqual({ extension: 'cart-helper', widget: 'yes' });
  });
});
