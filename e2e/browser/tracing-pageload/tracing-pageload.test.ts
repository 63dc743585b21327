import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';
import { transactionsWithOp, waitForItem, type Json } from '../tracing-lib/ingest-items';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

// A 1×1 GIF, shown large by the stylesheet.
const GIF = Buffer.from('R0lGODlhAQABAIAAAP/MMwAAACH5BAAAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

describe.skipIf(skipReason)('page load transaction with Web Vitals (npm build)', () => {
  let app: BrowserAppCase;
  let page: Page;
  let pageload: Json;
  const readyRequests: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url, (req, res) => {
      if (req.url === '/img/hero.gif') {
        res.writeHead(200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' }).end(GIF);
        return true;
      }
      if (req.url === '/api/ready') {
        readyRequests.push(req.headers);
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
        return true;
      }
      return false;
    });
    page = await app.browser.newPage();
    await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`);
    pageload = (await waitForItem(app.ingest, 'transaction', (t) => t['contexts']?.trace?.op === 'pageload'))
      .payload;
  });
  afterAll(() => app?.close());

  it('names the transaction after the URL path and starts it at navigation start', async () => {
    expect(pageload).toMatchObject({
      transaction: '/npm.html',
      transaction_info: { source: 'url' },
      contexts: { trace: { op: 'pageload', origin: 'auto.pageload.browser' } },
    });
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    expect(pageload['start_timestamp']).toBeCloseTo(timeOrigin / 1000, 2);
  });

  it('carries LCP, FCP, FP, TTFB and CLS as measurements with units, and what they were about', () => {
    const measurements = pageload['measurements'];
    for (const name of ['lcp', 'fcp', 'fp', 'ttfb', 'ttfb.requestTime']) {
      expect(measurements[name], name).toEqual({ value: expect.any(Number), unit: 'millisecond' });
      expect(measurements[name].value, name).toBeGreaterThanOrEqual(0);
    }
    expect(measurements['cls']).toEqual({ value: expect.any(Number), unit: '' });
    expect(measurements['cls'].value).toBeGreaterThan(0);
    const data = pageload['contexts'].trace.data;
    expect(data['lcp.element']).toMatch(/^(body > )?(p#intro|img#hero|h1)/);
    // the shift moved the content under the banner
    expect(data['cls.source.1']).toEqual(expect.any(String));
  });

  it('has navigation timing, resource, paint and User Timing spans inside the transaction', () => {
    const spans = pageload['spans'] as Json[];
    const find = (op: string, description?: string): Json | undefined =>
      spans.find(
        (span) => span['op'] === op && (description === undefined || span['description'] === description),
      );
    for (const op of [
      'browser.request',
      'browser.response',
      'browser.domContentLoadedEvent',
      'browser.loadEvent',
    ]) {
      expect(find(op), op).toBeDefined();
    }
    expect(find('browser.request')?.['description']).toBe(
      `${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`,
    );
    const script = find('resource.script', '/npm/sentry.js');
    expect(script?.['data']).toMatchObject({
      'resource.render_blocking_status': 'blocking',
      'http.response_content_length': expect.any(Number),
      'url.same_origin': true,
    });
    expect(find('resource.script', '/subject.js')).toBeDefined();
    expect(find('resource.link', '/style.css')).toBeDefined();
    expect(find('resource.img', '/img/hero.gif')).toBeDefined();
    expect(find('paint', 'first-contentful-paint')).toBeDefined();
    expect(find('mark', 'app-start')).toBeDefined();
    expect(find('measure', 'boot')).toBeDefined();
    for (const span of spans) {
      expect(span['trace_id']).toBe(pageload['contexts'].trace.trace_id);
      expect(span['start_timestamp']).toBeGreaterThanOrEqual(pageload['start_timestamp'] - 0.001);
      expect(span['timestamp']).toBeLessThanOrEqual(pageload['timestamp'] + 0.001);
    }
  });

  it("traces the page's own same-origin request, which carries the trace headers", () => {
    const spans = pageload['spans'] as Json[];
    const request = spans.find((span) => span['op'] === 'http.client');
    expect(request).toMatchObject({
      description: `GET ${app.pages.url}/api/ready`,
      status: 'ok',
      origin: 'auto.http.browser',
      data: { 'http.response.status_code': 200, 'url.full': `${app.pages.url}/api/ready` },
    });
    expect(readyRequests).toHaveLength(1);
    const { trace_id: traceId } = pageload['contexts'].trace;
    expect(readyRequests[0]?.['sentry-trace']).toBe(`${traceId}-${request?.['span_id']}-1`);
    expect(readyRequests[0]?.['baggage']).toContain(`sentry-trace_id=${traceId}`);
  });

  it('sends INP as its own ui.interaction.click span in the page-load trace, once the page is hidden', async () => {
    await page.click('#buy');
    await page.evaluate(
      () => (window as unknown as { interactionRecorded: Promise<boolean> }).interactionRecorded,
    );
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const { payload: inp, envelopeHeaders } = await waitForItem(
      app.ingest,
      'span',
      (span) => span['op'] === 'ui.interaction.click',
    );
    const trace = pageload['contexts'].trace;
    expect(inp).toMatchObject({
      trace_id: trace.trace_id,
      parent_span_id: trace.span_id,
      is_segment: true,
      description: 'body > BuyButton > button#buy',
      origin: 'auto.http.browser.inp',
      data: { transaction: '/npm.html', 'ui.component_name': 'BuyButton' },
      measurements: { inp: { value: expect.any(Number), unit: 'millisecond' } },
    });
    expect(inp['measurements'].inp.value).toBeGreaterThan(0);
    expect(inp['timestamp']).toBeGreaterThan(inp['start_timestamp']);
    expect(envelopeHeaders['trace']).toMatchObject({ trace_id: trace.trace_id, sampled: 'true' });
    // still the one page-load transaction
    expect(transactionsWithOp(app.ingest, 'pageload')).toHaveLength(1);
  });
});
