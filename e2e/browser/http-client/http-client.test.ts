import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidEvent, getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Json = Record<string, any>;

describe.skipIf(skipReason)('failed HTTP responses become events (npm build)', () => {
  let app: BrowserAppCase;

  beforeAll(async () => {
    // /api/status/<code> and /other/status/<code> answer with that status
    app = await startBrowserAppCase(import.meta.url, (req, res) => {
        const match = /^\/(?:api|other)\/status\/(\d+)/.exec(req.url ?? '');
        if (!match) return false;
        req.resume();
        res.writeHead(Number(match[1]), { 'Content-Type': 'text/plain', 'X-Request-Id': 'r-17', 'Content-Length': '2' }).end('no');
        return true;
      });
  });
  afterAll(() => app?.close());

  async function eventsOf(query: string): Promise<Json[]> {
    const before = app.ingest.received.length;
    const page = await app.browser.newPage();
    await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}${query}`);
    const count = await page.evaluate(() => (window as any).requests());
    await app.ingest.waitForEnvelopes(before + count);
    await page.waitForTimeout(300);
    await page.close();
    const events = app.ingest.received.slice(before).map(({ envelope }) => envelope[1][0]?.[1] as Json);
    events.forEach((event) => assertValidEvent(event));
    return events.sort((a, b) => a.contexts.response.status_code - b.contexts.response.status_code);
  }

  it('captures fetch and XHR responses in the status ranges, for the targets only, without headers by default', async () => {
    const events = await eventsOf('');
    expect(events.map((event) => [event.exception.values[0].value, event.exception.values[0].mechanism.type])).toEqual([
      ['HTTP Client Error with status code: 429', 'auto.http.client.fetch'],
      ['HTTP Client Error with status code: 500', 'auto.http.client.fetch'],
      ['HTTP Client Error with status code: 503', 'auto.http.client.xhr'],
    ]);
    const [, fetch500, xhr503] = events;
    expect(fetch500?.request).toMatchObject({ url: `${app.pages.url}/api/status/500`, method: 'GET', query_string: 'page=2' });
    expect(fetch500?.contexts.response).toEqual({ status_code: 500, body_size: 2 });
    expect(xhr503?.request).toMatchObject({ url: `${app.pages.url}/api/status/503`, method: 'PUT' });
    expect(xhr503?.exception.values[0].mechanism).toMatchObject({ handled: true, synthetic: true });
    // only the page's own headers (from httpContextIntegration), none of the request's
    expect(Object.keys(fetch500?.request.headers ?? {}).sort()).toEqual(['User-Agent']);
    expect(fetch500?.request.cookies).toBeUndefined();
  });

  it('adds headers and cookies with sendDefaultPii, filtering sensitive values', async () => {
    const [, fetch500, xhr503] = await eventsOf('&pii=1');
    expect(fetch500?.request.headers).toMatchObject({ 'x-tenant': 'acme', authorization: '[Filtered]' });
    expect(fetch500?.request.cookies).toEqual({ theme: 'dark', session_id: '[Filtered]' });
    expect(fetch500?.contexts.response.headers).toMatchObject({ 'x-request-id': 'r-17', 'content-type': 'text/plain' });
    expect(xhr503?.request.headers).toMatchObject({ 'x-tenant': 'acme' });
    expect(xhr503?.contexts.response.headers).toMatchObject({ 'x-request-id': 'r-17' });
  });
});
