import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureMessage, startSpan, type Event } from '@sentry-sdk/core';
import { nativeNodeFetchIntegration, type NativeNodeFetchOptions } from '../integrations';
import type { NodeOptions } from '../client';
import { startServer, startTestSdk, type TestServer, type TestSdk } from './http.test-helper';

let sdk: TestSdk | undefined;
let echo: TestServer;
beforeEach(async () => {
  echo = await startServer((req, res) => {
    res.statusCode = req.url?.startsWith('/missing') ? 404 : 200;
    res.end(JSON.stringify(req.headers));
  });
});
afterEach(async () => {
  await echo.close();
  await sdk?.stop();
  sdk = undefined;
});

function start(options: NativeNodeFetchOptions = {}, sdkOptions: NodeOptions = {}): TestSdk {
  sdk = startTestSdk({ integrations: [nativeNodeFetchIntegration(options)], ...sdkOptions });
  return sdk;
}

const fetchJson = async (url: string, init?: RequestInit): Promise<Record<string, string>> =>
  (await (await fetch(url, init)).json()) as Record<string, string>;

describe('fetch (undici)', () => {
  it('records an http.client span, sends its trace, and leaves a fetch breadcrumb', async () => {
    const { waitFor } = start();
    const headers = await startSpan({ name: 'job' }, () =>
      fetchJson(`${echo.url}/items?id=4`, { method: 'POST', body: 'x' }),
    );
    const [transaction] = await waitFor('transaction', 1);
    const spans = transaction!.spans ?? [];
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({
      op: 'http.client',
      description: `POST ${echo.url}/items`,
      origin: 'auto.http.node.fetch',
      status: 'ok',
      data: { 'http.request.method': 'POST', 'http.query': 'id=4', 'http.response.status_code': 200 },
    });
    expect(headers['sentry-trace']).toBe(
      `${String(transaction!.contexts!.trace!['trace_id'])}-${String(spans[0]!['span_id'])}-1`,
    );
    expect(headers['baggage']).toContain('sentry-transaction=job');

    await fetch(`${echo.url}/missing`).then((response) => response.text());
    captureMessage('after');
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
        category: 'fetch',
        level: undefined,
        data: { method: 'POST', url: `${echo.url}/items`, status_code: 200, 'http.query': 'id=4' },
      },
      {
        type: 'http',
        category: 'fetch',
        level: 'warning',
        data: { method: 'GET', url: `${echo.url}/missing`, status_code: 404 },
      },
    ]);
  });

  it('merges into an existing baggage header and keeps a sentry-trace the app set', async () => {
    start();
    const merged = await fetchJson(`${echo.url}/a`, { headers: { baggage: 'vendor=1,sentry-release=old' } });
    expect(merged['baggage']).toMatch(/^vendor=1,sentry-trace_id=[0-9a-f]{32}/);
    expect(merged['baggage']).not.toContain('old');
    const own = `${'c'.repeat(32)}-${'d'.repeat(16)}`;
    const kept = await fetchJson(`${echo.url}/b`, { headers: { 'sentry-trace': own } });
    expect(kept['sentry-trace']).toBe(own);
    expect(kept).not.toHaveProperty('baggage');
  });

  it('honours tracePropagationTargets, ignoreOutgoingRequests and breadcrumbs: false', async () => {
    const { waitFor } = start(
      { ignoreOutgoingRequests: (url) => url.endsWith('/ignored'), breadcrumbs: false },
      { tracePropagationTargets: ['/traced'] },
    );
    const [untraced, traced] = await startSpan({ name: 'job' }, () =>
      Promise.all([
        fetchJson(`${echo.url}/untraced`),
        fetchJson(`${echo.url}/traced`),
        fetchJson(`${echo.url}/ignored`),
      ]),
    );
    expect(untraced).not.toHaveProperty('sentry-trace');
    expect(traced).toHaveProperty('sentry-trace');
    const [transaction] = await waitFor('transaction', 1);
    const names = (transaction!.spans ?? []).map((span) => span['description']).sort();
    expect(names).toEqual([`GET ${echo.url}/traced`, `GET ${echo.url}/untraced`]);
    captureMessage('no crumbs');
    const [event]: Event[] = await waitFor('event', 1);
    expect(event!.breadcrumbs?.values ?? []).toEqual([]);
  });
});
