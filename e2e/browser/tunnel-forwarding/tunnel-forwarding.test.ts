import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTunnelHandler, type TunnelHandler } from '@sentry-sdk/node';
import {
  assertValidEvent,
  getChromiumSkipReason,
  startIngestServer,
  TEST_PUBLIC_KEY,
} from '@sentry-sdk/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Json = Record<string, any>;

describe.skipIf(skipReason)('the tunnel option, end to end (npm build, built Node tunnel handler)', () => {
  let app: BrowserAppCase;
  let tunnel: TunnelHandler | undefined;
  const tunnelRequests: string[] = [];
  // while set, the tunnel holds each request unanswered (an app server that stopped responding)
  let held: { req: IncomingMessage; res: ServerResponse }[] | undefined;

  beforeAll(async () => {
    // the page's own server answers /tunnel with the Node package's handler, as an app would
    app = await startBrowserAppCase(import.meta.url, (req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/probe') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('answered');
        return true;
      }
      if (!req.url?.startsWith('/tunnel') || !tunnel) return false;
      tunnelRequests.push(`${req.method} ${req.url}`);
      if (held) held.push({ req, res });
      else tunnel(req, res);
      return true;
    });
    tunnel = createTunnelHandler({ dsn: app.ingest.dsn });
  });
  afterAll(() => app?.close());

  it('posts every envelope to the page origin, and the handler forwards it to the DSN host unchanged', async () => {
    const page = await app.browser.newPage();
    const direct: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(app.ingest.url)) direct.push(request.url());
    });
    await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`);
    expect(await page.evaluate(() => (window as any).sendThroughTunnel())).toBe(true);
    const received = await app.ingest.waitForEnvelopes(2, 20_000);
    await page.close();

    expect(direct).toEqual([]);
    expect(tunnelRequests.length).toBeGreaterThanOrEqual(2);
    expect(tunnelRequests.every((line) => line === 'POST /tunnel')).toBe(true);
    for (const { url, envelope } of received) {
      expect(url).toContain(`sentry_key=${TEST_PUBLIC_KEY}`);
      expect(envelope[0]['dsn']).toBe(app.ingest.dsn);
    }
    const items = received.flatMap(({ envelope }) => envelope[1]);
    const event = items.find(([headers]) => headers.type === 'event')?.[1] as Json;
    assertValidEvent(event);
    expect(event['exception'].values[0].value).toBe('sent through the tunnel');
    expect(event['extra']).toEqual({ api_key: '[Filtered]' });
    const logs = items.find(([headers]) => headers.type === 'log')?.[1] as Json;
    expect(logs['items'][0].body).toBe('a log through the tunnel');
    expect(logs['items'][0].attributes.password).toEqual({ type: 'string', value: '[Filtered]' });
  });

  it('refuses an envelope for another host with 403 and sends nothing there', async () => {
    const foreign = await startIngestServer();
    try {
      const page = await app.browser.newPage();
      await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`);
      const status = await page.evaluate((dsn) => (window as any).postForeignEnvelope(dsn), foreign.dsn);
      await page.close();
      expect(status).toBe(403);
      expect(foreign.received).toHaveLength(0);
    } finally {
      await foreign.close();
    }
  });

  it("leaves the page connections of its own origin when the tunnel stops answering, and sends the rest once it answers", async () => {
    held = [];
    const page = await app.browser.newPage();
    try {
      await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`);
      const before = app.ingest.received.length;
      // Chromium opens at most 6 connections to one origin: 12 envelopes to a silent tunnel took all of them
      const probe = await page.evaluate(async () => {
        for (let i = 0; i < 12; i++) (window as any).Sentry.captureException(new Error(`while the tunnel hangs ${i}`));
        await new Promise((resolve) => setTimeout(resolve, 500));
        const timeout = new Promise((resolve) => setTimeout(() => resolve('no answer within 5 s'), 5000));
        return Promise.race([fetch('/probe').then((response) => response.text()), timeout]);
      });
      expect(probe).toBe('answered');
      expect(held.length).toBeLessThanOrEqual(3);

      const waiting = held;
      held = undefined;
      for (const { req, res } of waiting) tunnel!(req, res);
      await expect
        .poll(() => app.ingest.received.length - before, { timeout: 20_000 })
        .toBe(12);
      const values = app.ingest.received
        .slice(before)
        .flatMap(({ envelope }) => envelope[1])
        .map(([, payload]) => (payload as Json)['exception']?.values?.[0]?.value as string);
      expect(new Set(values).size).toBe(12);
    } finally {
      held = undefined;
      await page.close();
    }
  });
});
