import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChromiumSkipReason, startStaticServer, type StaticServer } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';
import { waitForItem, type Json } from '../tracing-lib/ingest-items';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** Answers /api/echo/* with 200 and /api/status/<code> with that status, to any origin, recording each request. */
function apiHandler(seen: Seen[]) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!req.url?.startsWith('/api/')) return false;
    seen.push({ method: req.method ?? '', url: req.url, headers: req.headers });
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'sentry-trace, baggage, x-tenant',
    };
    const status = Number(/^\/api\/status\/(\d+)/.exec(req.url)?.[1] ?? 200);
    res
      .writeHead(req.method === 'OPTIONS' ? 204 : status, {
        ...cors,
        'Content-Type': 'text/plain',
        'Content-Length': '2',
      })
      .end('ok');
    return true;
  };
}

describe.skipIf(skipReason)('http.client spans and trace propagation (npm build)', () => {
  let app: BrowserAppCase;
  let other: StaticServer;
  const seenHere: Seen[] = [];
  const seenThere: Seen[] = [];

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url, apiHandler(seenHere));
    other = await startStaticServer({ mounts: {}, handle: apiHandler(seenThere) });
  });
  afterAll(async () => {
    await other?.close();
    await app?.close();
  });

  async function checkout(query = ''): Promise<{ transaction: Json; event: Json }> {
    seenHere.length = 0;
    seenThere.length = 0;
    const before = app.ingest.received.length;
    const page = await app.browser.newPage();
    await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}${query}`);
    await page.evaluate(
      (origin) => (window as unknown as { checkout(origin: string): Promise<void> }).checkout(origin),
      other.url,
    );
    const done = (e: Json): boolean =>
      e['message'] === 'checkout done' || e['logentry']?.message === 'checkout done';
    const event = (await waitForItem(app.ingest, 'event', done, { from: before })).payload;
    const transaction = (
      await waitForItem(app.ingest, 'transaction', (t) => t['transaction'] === 'checkout', { from: before })
    ).payload;
    await page.close();
    return { transaction, event };
  }

  const spanOf = (transaction: Json, url: string): Json | undefined =>
    (transaction['spans'] as Json[]).find((span) => span['data']?.['url.full'] === url);

  it('makes an http.client span per request with method, URL and the status of the response', async () => {
    const { transaction } = await checkout();
    const spans = (transaction['spans'] as Json[]).filter((span) => span['op'] === 'http.client');
    expect(spans).toHaveLength(4);
    expect(spanOf(transaction, `${app.pages.url}/api/echo/fetch`)).toMatchObject({
      description: `GET ${app.pages.url}/api/echo/fetch`,
      status: 'ok',
      origin: 'auto.http.browser',
      data: {
        type: 'fetch',
        'http.request.method': 'GET',
        'http.query': 'step=1',
        'http.response.status_code': 200,
        'http.response_content_length': 2,
      },
    });
    expect(spanOf(transaction, `${app.pages.url}/api/echo/xhr`)).toMatchObject({
      status: 'ok',
      data: { type: 'xhr', 'http.response.status_code': 200 },
    });
    expect(spanOf(transaction, `${app.pages.url}/api/status/503`)).toMatchObject({
      status: 'unavailable',
      data: { 'http.response.status_code': 503 },
    });
    expect(spanOf(transaction, `${other.url}/api/echo/other`)).toMatchObject({ status: 'ok' });
  });

  it('sends sentry-trace and baggage to the same origin only, keeping the headers the app set', async () => {
    const { transaction } = await checkout();
    const traceId = transaction['contexts'].trace.trace_id;
    for (const path of ['/api/echo/fetch?step=1', '/api/echo/xhr']) {
      const request = seenHere.find((seen) => seen.url === path);
      const span = spanOf(transaction, `${app.pages.url}${path.split('?')[0]}`);
      expect(request?.headers['sentry-trace'], path).toBe(`${traceId}-${span?.['span_id']}-1`);
      expect(request?.headers['baggage'], path).toContain(`sentry-trace_id=${traceId}`);
    }
    const fetchHeaders = seenHere.find((seen) => seen.url === '/api/echo/fetch?step=1')?.headers;
    expect(fetchHeaders?.['x-tenant']).toBe('acme');
    expect(fetchHeaders?.['baggage']).toMatch(/^vendor=acme,sentry-/);
    // the other origin got a plain request: no trace headers, and so no CORS preflight either
    expect(seenThere.map((seen) => seen.method)).toEqual(['GET']);
    expect(seenThere[0]?.headers['sentry-trace']).toBeUndefined();
    expect(seenThere[0]?.headers['baggage']).toBeUndefined();
  });

  it('sends them where tracePropagationTargets say, and only there', async () => {
    const { transaction } = await checkout(`&targets=${encodeURIComponent(JSON.stringify([other.url]))}`);
    const traceId = transaction['contexts'].trace.trace_id;
    const there = seenThere.find((seen) => seen.method === 'GET');
    expect(there?.headers['sentry-trace']).toBe(
      `${traceId}-${spanOf(transaction, `${other.url}/api/echo/other`)?.['span_id']}-1`,
    );
    expect(seenHere.find((seen) => seen.url === '/api/echo/xhr')?.headers['sentry-trace']).toBeUndefined();
  });

  it('links the breadcrumbs of the requests to their spans', async () => {
    const { transaction, event } = await checkout();
    const crumbs = (event['breadcrumbs']?.values ?? event['breadcrumbs']) as Json[];
    const fetchCrumb = crumbs.find(
      (crumb) => crumb['category'] === 'fetch' && crumb['data']?.url === '/api/echo/fetch',
    );
    const xhrCrumb = crumbs.find((crumb) => crumb['category'] === 'xhr');
    expect(fetchCrumb?.['data']?.span_id).toBe(
      spanOf(transaction, `${app.pages.url}/api/echo/fetch`)?.['span_id'],
    );
    expect(xhrCrumb?.['data']?.span_id).toBe(
      spanOf(transaction, `${app.pages.url}/api/echo/xhr`)?.['span_id'],
    );
  });
});
