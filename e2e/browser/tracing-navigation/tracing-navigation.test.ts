import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';
import { transactionsWithOp, waitForItem, type Json } from '../tracing-lib/ingest-items';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type AppWindow = Window & { navigate(path: string, api: string): Promise<string>; Sentry: any };

describe.skipIf(skipReason)('navigation transactions of a single-page app (npm build)', () => {
  let app: BrowserAppCase;
  const apiRequests = new Map<string, IncomingHttpHeaders>();
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url, (req, res) => {
      if (!req.url?.startsWith('/api/')) return false;
      apiRequests.set(req.url, req.headers);
      // /api/held/* answers only when the test ends: a request still in flight
      if (req.url.startsWith('/api/held/')) held.push(res);
      else res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return true;
    });
  });
  afterAll(async () => {
    held.forEach((res) => res.end());
    await app?.close();
  });

  async function openApp(query = ''): Promise<{ page: Page; pageload: Json }> {
    const from = app.ingest.received.length;
    const page = await app.browser.newPage();
    await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}${query}`);
    // the page load ends before the app navigates, so that the transactions do not overlap
    const pageload = await waitForItem(
      app.ingest,
      'transaction',
      (t) => t['contexts']?.trace?.op === 'pageload',
      { from },
    );
    return { page, pageload: pageload.payload };
  }

  const navigation = (name: string): Promise<Json> =>
    waitForItem(
      app.ingest,
      'transaction',
      (t) => t['contexts']?.trace?.op === 'navigation' && t['transaction'] === name,
    ).then((item) => item.payload);

  it('starts a navigation transaction, in a new trace, for each route change of the History API', async () => {
    const { page, pageload } = await openApp();
    await page.evaluate(() =>
      (window as unknown as AppWindow).navigate('/users/42?tab=orders', '/api/users/42'),
    );
    const users = await navigation('/users/42');
    expect(users).toMatchObject({
      transaction_info: { source: 'url' },
      contexts: { trace: { op: 'navigation', origin: 'auto.navigation.browser' } },
    });
    const trace = users['contexts'].trace;
    expect(trace.trace_id).not.toBe(pageload['contexts'].trace.trace_id);
    const request = (users['spans'] as Json[]).find((span) => span['op'] === 'http.client');
    expect(request?.['description']).toBe(`GET ${app.pages.url}/api/users/42`);
    expect(apiRequests.get('/api/users/42')?.['sentry-trace']).toBe(
      `${trace.trace_id}-${request?.['span_id']}-1`,
    );

    // replaceState that keeps the path (a filter in the query) is no route change; a router that
    // names its routes starts the next navigation itself
    await page.evaluate(() => {
      history.replaceState({}, '', '/users/42?tab=profile');
      const { Sentry } = window as unknown as AppWindow;
      Sentry.startBrowserTracingNavigationSpan(Sentry.getClient(), {
        name: '/users/:id',
        attributes: { 'sentry.source': 'route' },
      });
    });
    const routed = await navigation('/users/:id');
    expect(routed['transaction_info']).toEqual({ source: 'route' });
    expect(transactionsWithOp(app.ingest, 'navigation').map((t) => t['transaction'])).toEqual([
      '/users/42',
      '/users/:id',
    ]);
    await page.close();
  });

  it('ends a navigation as cancelled when the page goes to the background', async () => {
    const { page } = await openApp();
    // the request never answers while the page is open; the page closing rejects it
    void page
      .evaluate(() => (window as unknown as AppWindow).navigate('/settings', '/api/held/settings'))
      .catch(() => undefined);
    await expect.poll(() => apiRequests.has('/api/held/settings'), { timeout: 30_000 }).toBe(true);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const settings = await navigation('/settings');
    expect(settings['contexts'].trace).toMatchObject({
      status: 'cancelled',
      data: { 'sentry.cancellation_reason': 'document.hidden' },
    });
    const request = (settings['spans'] as Json[]).find((span) => span['op'] === 'http.client');
    expect(request).toMatchObject({
      description: `GET ${app.pages.url}/api/held/settings`,
      status: 'cancelled',
    });
    await page.close();
  });

  it('with enableInteractions, makes a ui.action.click transaction of a click, named after the route', async () => {
    const { page, pageload } = await openApp('&interactions=1');
    await page.click('#add');
    const { payload: click } = await waitForItem(
      app.ingest,
      'transaction',
      (t) => t['contexts']?.trace?.op === 'ui.action.click',
    );
    expect(click).toMatchObject({
      transaction: '/npm.html',
      transaction_info: { source: 'url' },
      contexts: {
        trace: {
          trace_id: pageload['contexts'].trace.trace_id,
          origin: 'auto.ui.browser',
          data: { 'ui.component_name': 'CartButton', 'ui.element': 'body > CartButton > button#add' },
        },
      },
    });
    expect((click['spans'] as Json[]).map((span) => span['description'])).toEqual([
      `GET ${app.pages.url}/api/cart`,
    ]);
    await page.close();
  });
});
