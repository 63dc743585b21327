import * as http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureMessage, startSpan, suppressTracing, type Event } from '@sentry-sdk/core';
import { httpIntegration, type HttpIntegrationOptions } from '../integrations';
import type { NodeOptions } from '../client';
import { startServer, startTestSdk, TEST_DSN, type TestServer, type TestSdk } from './http.test-helper';

let sdk: TestSdk | undefined;
let echo: TestServer;
beforeEach(async () => {
  // answers with the headers it received; /fail answers 500
  echo = await startServer((req, res) => {
    res.statusCode = req.url?.startsWith('/fail') ? 500 : 200;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(req.headers));
  });
});
afterEach(async () => {
  await echo.close();
  await sdk?.stop();
  sdk = undefined;
});

function start(options: HttpIntegrationOptions = {}, sdkOptions: NodeOptions = {}): TestSdk {
  sdk = startTestSdk({ integrations: [httpIntegration(options)], ...sdkOptions });
  return sdk;
}

/** `http.get` (or `http.request` with options) and the parsed body. */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, body: JSON.parse(text) as Record<string, string> }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

function childSpans(transaction: Event): Record<string, unknown>[] {
  return transaction.spans ?? [];
}

/** The `job` transaction (the echo server records transactions of its own). */
async function jobTransaction(sdk: TestSdk): Promise<Event> {
  for (let i = 0; i < 500 && !sdk.transactions().some((event) => event.transaction === 'job'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return sdk.transactions().find((event) => event.transaction === 'job')!;
}

describe('outgoing node:http requests', () => {
  it('records an http.client span under the active span and sends its trace in the headers', async () => {
    start();
    const received = await startSpan({ name: 'job', op: 'function' }, () =>
      get(`http://user:secret@127.0.0.1:${new URL(echo.url).port}/items/3?page=2#top`),
    );
    const transaction = await jobTransaction(sdk!);
    const [span, ...others] = childSpans(transaction);
    expect(others).toEqual([]);
    const host = new URL(echo.url).host;
    expect(span).toMatchObject({
      op: 'http.client',
      description: `GET http://${host}/items/3`,
      origin: 'auto.http.node.http',
      status: 'ok',
      data: {
        'http.request.method': 'GET',
        'url.full': `http://${host}/items/3`,
        'http.query': 'page=2',
        'server.address': '127.0.0.1',
        'http.response.status_code': 200,
      },
    });
    expect(JSON.stringify(span)).not.toContain('secret');
    const traceId = transaction.contexts!.trace!['trace_id'] as string;
    expect(received.body['sentry-trace']).toBe(`${traceId}-${String(span!['span_id'])}-1`);
    expect(received.body['baggage']).toContain(`sentry-trace_id=${traceId}`);
    expect(received.body).not.toHaveProperty('traceparent');
  });

  it('leaves a breadcrumb with method, URL and status on later events, and marks failures', async () => {
    const { waitFor } = start();
    await get(`${echo.url}/ok?x=1`);
    await get(`${echo.url}/fail`);
    await new Promise<void>((resolve) => {
      const request = http.get('http://127.0.0.1:1/refused');
      request.on('error', () => resolve()); // the app's own error listener still gets the error
    });
    captureMessage('after requests');
    const [event] = await waitFor('event', 1);
    const crumbs = event!.breadcrumbs!.values!.map(({ type, category, level, data }) => ({
      type,
      category,
      level,
      data,
    }));
    expect(crumbs).toEqual([
      {
        type: 'http',
        category: 'http',
        level: undefined,
        data: { method: 'GET', url: `${echo.url}/ok`, status_code: 200, 'http.query': 'x=1' },
      },
      {
        type: 'http',
        category: 'http',
        level: 'error',
        data: { method: 'GET', url: `${echo.url}/fail`, status_code: 500 },
      },
      {
        type: 'http',
        category: 'http',
        level: 'error',
        data: { method: 'GET', url: 'http://127.0.0.1:1/refused' },
      },
    ]);
  });

  it('adds headers only for tracePropagationTargets, traceparent when asked, and never twice', async () => {
    start({}, { tracePropagationTargets: [/\/traced/], propagateTraceparent: true });
    const untraced = await get(`${echo.url}/other`);
    expect(untraced.body).not.toHaveProperty('sentry-trace');
    expect(untraced.body).not.toHaveProperty('baggage');

    const traced = await get(`${echo.url}/traced`, { baggage: 'vendor=x,sentry-environment=stale' });
    expect(traced.body['sentry-trace']).toMatch(/^[0-9a-f]{32}-[0-9a-f]{16}$/);
    expect(traced.body['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    // one baggage header: the other vendor's member kept, Sentry's replaced by ours
    expect(traced.body['baggage']).toMatch(/^vendor=x,sentry-/);
    expect(traced.body['baggage']).not.toContain('stale');

    const own = await get(`${echo.url}/traced`, {
      'sentry-trace': `${'a'.repeat(32)}-${'b'.repeat(16)}-1`,
      baggage: 'sentry-trace_id=aaaa',
    });
    expect(own.body['sentry-trace']).toBe(`${'a'.repeat(32)}-${'b'.repeat(16)}-1`);
    expect(own.body['baggage']).toBe('sentry-trace_id=aaaa');
  });

  it('records nothing for ignored requests, the SDK’s own envelopes and suppressed tracing', async () => {
    const { waitFor } = start({ ignoreOutgoingRequests: (url) => url.includes('/skip') });
    const dsn = new URL(TEST_DSN);
    let sdkRequestHeaders: http.IncomingHttpHeaders | undefined;
    const ingest = await startServer((req, res) => {
      sdkRequestHeaders = req.headers;
      res.end('{}');
    });
    const ingestPort = new URL(ingest.url).port;
    await startSpan({ name: 'job' }, async () => {
      const skipped = await get(`${echo.url}/skip`);
      // ignored requests still propagate the trace
      expect(skipped.body).toHaveProperty('sentry-trace');
      await suppressTracing(() => get(`${echo.url}/suppressed`));
      // a request shaped like the SDK's own (to the DSN's envelope endpoint) is never recorded
      await get(`http://127.0.0.1:${ingestPort}/api/${dsn.pathname.slice(1)}/envelope/`).catch(
        () => undefined,
      );
      await get(`${echo.url}/kept`);
    });
    await ingest.close();
    const transaction = await jobTransaction(sdk!);
    // the DSN points at port 9; only requests to that host and port count as the SDK's
    expect(childSpans(transaction).map((span) => span['description'])).toEqual([
      `GET http://127.0.0.1:${ingestPort}/api/4711/envelope/`,
      `GET ${echo.url}/kept`,
    ]);
    expect(sdkRequestHeaders).toHaveProperty('sentry-trace');
    captureMessage('crumbs');
    const [event] = await waitFor('event', 1);
    expect(event!.breadcrumbs!.values!.map((crumb) => crumb.data?.['url'])).toEqual([
      `http://127.0.0.1:${ingestPort}/api/4711/envelope/`,
      `${echo.url}/kept`,
    ]);
  });

  it('skips requests to the DSN host and envelope path', async () => {
    const ingest = await startServer((_req, res) => res.end('{}'));
    const port = new URL(ingest.url).port;
    start({}, { dsn: `http://key@127.0.0.1:${port}/4711` });
    let headers: Record<string, string> | undefined;
    await startSpan({ name: 'job' }, async () => {
      headers = (await get(`${ingest.url}/api/4711/envelope/`).catch(() => ({ body: {} }))).body;
    });
    await ingest.close();
    expect(childSpans(await jobTransaction(sdk!))).toEqual([]);
    expect(headers).not.toHaveProperty('sentry-trace');
  });

  it('works through ES module named imports and http.get, which Node calls internally', async () => {
    start();
    const { get: namedGet } = await import('node:http');
    await startSpan(
      { name: 'job' },
      () =>
        new Promise<void>((resolve) =>
          namedGet(`${echo.url}/named`, (response) => response.resume().on('end', resolve)),
        ),
    );
    expect(childSpans(await jobTransaction(sdk!)).map((span) => span['description'])).toEqual([
      `GET ${echo.url}/named`,
    ]);
  });
});
