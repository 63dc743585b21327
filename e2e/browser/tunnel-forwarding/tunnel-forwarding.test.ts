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

  beforeAll(async () => {
    // the page's own server answers /tunnel with the Node package's handler, as an app would
    app = await startBrowserAppCase(import.meta.url, (req: IncomingMessage, res: ServerResponse) => {
      if (!req.url?.startsWith('/tunnel') || !tunnel) return false;
      tunnelRequests.push(`${req.method} ${req.url}`);
      tunnel(req, res);
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
});
