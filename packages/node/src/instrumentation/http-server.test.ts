import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  captureException,
  captureMessage,
  flush,
  getIsolationScope,
  requestDataIntegration,
  setTag,
  type Event,
} from '@sentry-sdk/core';
import { httpIntegration, type HttpIntegrationOptions } from '../integrations';
import type { NodeOptions } from '../client';
import { sleep, startServer, startTestSdk, type TestServer, type TestSdk } from './http.test-helper';

let sdk: TestSdk | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  await sdk?.stop();
  sdk = server = undefined;
});

function start(http: HttpIntegrationOptions = {}, options: NodeOptions = {}): TestSdk {
  sdk = startTestSdk({ integrations: [httpIntegration(http), requestDataIntegration()], ...options });
  return sdk;
}

const TRACE_ID = '9d2a6b1e0c7f4e3aa5b8c6d4e2f1a0b9';
const PARENT_ID = '77e5d4c3b2a19087';

describe('incoming requests', () => {
  it('records an http.server transaction named after the URL, continuing the caller’s trace', async () => {
    const { waitFor, recording } = start();
    server = await startServer((_req, res) => {
      res.statusCode = 201;
      res.end('created');
    });
    const response = await fetch(`${server.url}/users/7?tab=posts`, {
      method: 'POST',
      headers: {
        'sentry-trace': `${TRACE_ID}-${PARENT_ID}-1`,
        baggage: `sentry-trace_id=${TRACE_ID},sentry-environment=upstream,sentry-sample_rate=1,other=x`,
      },
    });
    expect(await response.text()).toBe('created');

    const [transaction] = await waitFor('transaction', 1);
    expect(transaction).toMatchObject({
      type: 'transaction',
      transaction: 'POST /users/7',
      transaction_info: { source: 'url' },
      contexts: {
        trace: {
          trace_id: TRACE_ID,
          parent_span_id: PARENT_ID,
          op: 'http.server',
          origin: 'auto.http.node',
          status: 'ok',
          data: {
            'http.request.method': 'POST',
            'url.path': '/users/7',
            'http.response.status_code': 201,
            'server.address': '127.0.0.1',
          },
        },
      },
      request: { method: 'POST', url: `${server.url}/users/7` },
    });
    // without sendDefaultPii the query string is neither in the span nor in the request
    expect(transaction!.contexts!.trace!['data']).not.toHaveProperty('http.query');
    expect(transaction!.request).not.toHaveProperty('query_string');
    // the incoming DSC is frozen as-is in the envelope header
    const envelopeHeader = recording.envelopes[0]![0] as { trace?: Record<string, string> };
    expect(envelopeHeader.trace).toMatchObject({ trace_id: TRACE_ID, environment: 'upstream' });
  });

  it('maps the response status onto the transaction status', async () => {
    const { waitFor } = start();
    server = await startServer((req, res) => {
      res.statusCode = req.url === '/missing' ? 404 : 503;
      res.end();
    });
    await fetch(`${server.url}/missing`);
    await fetch(`${server.url}/down`);
    const transactions = await waitFor('transaction', 2);
    const statuses = transactions.map((event) => [event.transaction, event.contexts!.trace!['status']]);
    expect(statuses.sort()).toEqual([
      ['GET /down', 'unavailable'],
      ['GET /missing', 'not_found'],
    ]);
  });

  it('keeps the scopes of concurrent requests apart, also in body and response callbacks', async () => {
    const { waitFor } = start();
    server = await startServer((req, res) => {
      const name = new URL(req.url!, 'http://x').searchParams.get('name')!;
      setTag('request', name);
      // the rest runs from the request stream's callbacks, which Node calls from the socket
      req.on('data', () => undefined);
      req.on('end', () => {
        setTimeout(
          () => {
            captureMessage(`handled ${name}`);
            res.end(name);
          },
          name === 'slow' ? 40 : 1,
        );
      });
      res.on('finish', () => getIsolationScope().setTag('finished', name));
    });
    const names = ['slow', 'fast', 'middle', 'quick'];
    const bodies = await Promise.all(
      names.map((name) =>
        fetch(`${server!.url}/work?name=${name}`, { method: 'POST', body: 'x' }).then((r) => r.text()),
      ),
    );
    expect(bodies).toEqual(names);
    const events = await waitFor('event', 4);
    const seen = events.map((event) => [
      event.logentry?.message,
      event.tags?.['request'],
      event.request?.url,
    ]);
    expect(seen.sort()).toEqual(names.map((name) => [`handled ${name}`, name, `${server!.url}/work`]).sort());
    const transactions = await waitFor('transaction', 4);
    for (const transaction of transactions) {
      const name =
        transaction.request!.url === `${server.url}/work` ? transaction.tags?.['request'] : undefined;
      expect(transaction.tags?.['finished']).toBe(name);
    }
    // the process-wide isolation scope saw none of it
    expect(getIsolationScope().getScopeData().tags).not.toHaveProperty('request');
  });

  it('puts the request on error events, scrubbed without sendDefaultPii', async () => {
    const { waitFor } = start();
    server = await startServer((req, res) => {
      req.resume();
      req.on('end', () => {
        captureException(new Error('checkout failed'));
        res.end();
      });
    });
    await fetch(`${server.url}/checkout?coupon=SPRING`, {
      method: 'POST',
      headers: {
        cookie: 'session=abc; theme=dark',
        authorization: 'Bearer t',
        'x-forwarded-for': '203.0.113.9',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ card: '4242' }),
    });
    const [event] = await waitFor('event', 1);
    expect(event!.request).toMatchObject({
      method: 'POST',
      url: `${server.url}/checkout`,
      headers: { cookie: '[Filtered]', authorization: '[Filtered]', 'x-forwarded-for': '[Filtered]' },
    });
    expect(event!.request).not.toHaveProperty('data');
    expect(event!.request).not.toHaveProperty('cookies');
    expect(event!.user?.ip_address).toBeUndefined();
    expect(event!.transaction).toBe('POST /checkout');
  });

  it('with sendDefaultPii, adds the body the app read, the cookies, the query and the client IP', async () => {
    const { waitFor } = start({}, { sendDefaultPii: true });
    let received = '';
    server = await startServer((req, res) => {
      // the app attaches its reader late: the SDK must not have consumed anything before
      setTimeout(() => {
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (received += chunk));
        req.on('end', () => {
          captureException(new Error('bad order'));
          res.end();
        });
      }, 20);
    });
    const body = JSON.stringify({ item: 'book', quantity: 2 });
    await fetch(`${server.url}/orders?draft=1`, {
      method: 'POST',
      headers: {
        cookie: 'theme=dark',
        'content-type': 'application/json',
        'x-forwarded-for': '203.0.113.9, 10.0.0.1',
      },
      body,
    });
    expect(received).toBe(body);
    const [event] = await waitFor('event', 1);
    expect(event!.request).toMatchObject({
      data: body,
      cookies: { theme: 'dark' },
      query_string: 'draft=1',
      headers: { 'x-forwarded-for': '203.0.113.9, 10.0.0.1' },
    });
    expect(event!.user?.ip_address).toBe('203.0.113.9');
  });

  it('bounds the body by maxIncomingRequestBodySize and skips uploads', async () => {
    const { waitFor } = start({ maxIncomingRequestBodySize: 'small' }, { sendDefaultPii: true });
    server = await startServer((req, res) => {
      req.resume();
      req.on('end', () => {
        captureMessage(req.url!);
        res.end();
      });
    });
    await fetch(`${server.url}/large`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'a'.repeat(5000),
    });
    await fetch(`${server.url}/upload`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: 'binary',
    });
    const events = await waitFor('event', 2);
    const byUrl = (path: string): Event => events.find((event) => event.logentry?.message === path)!;
    expect(byUrl('/large').request!.data).toBe(`${'a'.repeat(1000)}...`);
    expect(byUrl('/upload').request).not.toHaveProperty('data');
  });

  it('records no transaction for health checks and ignored requests, but still isolates them', async () => {
    const { waitFor, transactions } = start({
      ignoreIncomingRequests: (path) => path.startsWith('/internal'),
    });
    server = await startServer((req, res) => {
      setTag('path', req.url);
      if (req.url === '/internal/fail') captureMessage('internal');
      res.end();
    });
    for (const path of ['/healthz', '/ping/', '/internal/fail', '/ready?verbose=1', '/api'])
      await fetch(`${server.url}${path}`);
    const [event] = await waitFor('event', 1);
    expect(event).toMatchObject({
      tags: { path: '/internal/fail' },
      request: { url: `${server.url}/internal/fail` },
    });
    await waitFor('transaction', 1);
    await sleep(50);
    expect(transactions().map((transaction) => transaction.transaction)).toEqual(['GET /api']);
  });

  it('records health checks when ignoreHealthChecks is false, and no transactions with spans: false', async () => {
    const first = start({ ignoreHealthChecks: false });
    server = await startServer((_req, res) => res.end());
    await fetch(`${server.url}/health`);
    expect((await first.waitFor('transaction', 1)).map((t) => t.transaction)).toEqual(['GET /health']);
    await first.stop();
    await server.close();

    const second = start({ spans: false });
    server = await startServer((_req, res) => {
      captureMessage('no span');
      res.end();
    });
    await fetch(`${server.url}/orders`, { headers: { 'sentry-trace': `${TRACE_ID}-${PARENT_ID}-1` } });
    const [event] = await second.waitFor('event', 1);
    // the trace is still continued for errors
    expect(event!.contexts!.trace).toMatchObject({ trace_id: TRACE_ID, parent_span_id: PARENT_ID });
    await sleep(30);
    expect(second.transactions()).toEqual([]);
  });

  it('emits requestEnd with the request’s isolation scope and status, unless trackIncomingRequestsAsSessions is false', async () => {
    const { client } = start();
    const ended: [unknown, number | undefined][] = [];
    client.on('requestEnd', ({ isolationScope, statusCode }) =>
      ended.push([isolationScope.getScopeData().tags['id'], statusCode]),
    );
    server = await startServer((req, res) => {
      setTag('id', req.url);
      res.statusCode = 202;
      res.end();
    });
    await fetch(`${server.url}/a`);
    for (let i = 0; i < 100 && ended.length === 0; i++) await sleep(10);
    expect(ended).toEqual([['/a', 202]]);
    await sdk!.stop();

    const quiet = start({ trackIncomingRequestsAsSessions: false });
    let emitted = 0;
    quiet.client.on('requestEnd', () => emitted++);
    await fetch(`${server.url}/b`);
    await quiet.waitFor('transaction', 1);
    expect(emitted).toBe(0);
  });

  it('counts requests as request-mode sessions: errored when an error was captured while it ran', async () => {
    start({}, { release: 'shop@1.0.0' });
    server = await startServer((req, res) => {
      if (req.url === '/fail') captureException(new Error('failed order'));
      res.end();
    });
    await fetch(`${server.url}/ok`);
    await fetch(`${server.url}/fail`);
    await fetch(`${server.url}/healthz`); // ignored: not a session
    await sdk!.waitFor('transaction', 2);
    await flush(1000);
    const [sessions] = sdk!.recording.payloads<{ aggregates: Record<string, unknown>[]; attrs: unknown }>(
      'sessions',
    );
    expect(sessions!.attrs).toEqual({ release: 'shop@1.0.0', environment: 'production' });
    expect(sessions!.aggregates).toEqual([{ started: expect.any(String), exited: 1, errored: 1 }]);
  });

  it('names transactions per the ignore callback’s view: the path with query, and the request', async () => {
    const calls: [string, string | undefined][] = [];
    start({
      ignoreIncomingRequests: (path: string, request: IncomingMessage) => {
        calls.push([path, request.method]);
        throw new Error('a broken callback must not break the request');
      },
    });
    server = await startServer((_req, res) => res.end('ok'));
    const response = await fetch(`${server.url}/x?y=1`);
    expect(await response.text()).toBe('ok');
    expect(calls).toEqual([['/x?y=1', 'GET']]);
  });
});
