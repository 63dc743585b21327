import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  getChromiumSkipReason,
  launchChromium,
  startIngestServer,
  startStaticServer,
  type IngestServer,
  type StaticServer,
} from '@sentry-sdk/test-utils';

interface WireLog {
  level: string;
  body: string;
  trace_id: string;
  severity_number: number;
  attributes: Record<string, { type: string; value: unknown }>;
}

const CASE_DIR = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = resolve(CASE_DIR, '../../.out/logs-from-page');
const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

function sentLogs(ingest: IngestServer): WireLog[] {
  return ingest.received
    .flatMap(({ envelope }) => envelope[1])
    .filter(([headers]) => headers.type === 'log')
    .flatMap(([, payload]) => (payload as { items: WireLog[] }).items);
}

describe.skipIf(skipReason)('structured logs from a page (npm build)', () => {
  let browser: Browser;
  let pages: StaticServer;
  let ingest: IngestServer;
  let page: Page;
  let printed: Promise<[string, unknown[]]>[];

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    await build({
      entryPoints: [resolve(CASE_DIR, 'npm-entry.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      outfile: resolve(OUT_DIR, 'sentry.js'),
      logLevel: 'error',
    });
    pages = await startStaticServer({ mounts: { '/': CASE_DIR, '/npm/': OUT_DIR } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  beforeEach(async () => {
    ingest = await startIngestServer();
    page = await browser.newPage();
    printed = [];
    // what reached the console: the method and the arguments as the page passed them
    page.on('console', (message) =>
      printed.push(
        Promise.all(message.args().map((arg) => arg.jsonValue())).then((args) => [message.type(), args]),
      ),
    );
    await page.goto(`${pages.url}/index.html?dsn=${encodeURIComponent(ingest.dsn)}`);
    return async () => {
      if (!page.isClosed()) await page.close();
      await ingest.close();
    };
  });

  it('sends logger calls and chosen console levels as one log item, the console printing as before', async () => {
    expect(await page.evaluate(() => (window as any).logSome())).toBe(true);
    const logs = sentLogs(ingest);
    expect(logs.map((log) => [log.level, log.body])).toEqual([
      ['info', 'Cart has 3 items'],
      ['warn', 'low stock for socks'],
    ]);
    const [cart, stock] = logs;
    expect(cart!.attributes).toMatchObject({
      page: { type: 'string', value: 'cart' },
      total: { type: 'double', value: 42.5 },
      'sentry.message.template': { type: 'string', value: 'Cart has %s items' },
      'sentry.message.parameter.0': { type: 'integer', value: 3 },
      'sentry.release': { type: 'string', value: 'shop@4.0.0' },
      'sentry.sdk.name': { type: 'string', value: expect.stringContaining('browser') },
    });
    expect(cart!.attributes).not.toHaveProperty('server.address');
    expect(cart!.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(stock!.attributes).toMatchObject({
      'sentry.origin': { type: 'string', value: 'auto.log.console' },
      'sentry.message.template': { type: 'string', value: 'low stock for %s' },
    });
    expect(await Promise.all(printed)).toEqual(
      expect.arrayContaining([
        ['warning', ['low stock for %s', 'socks']],
        ['log', ['not a chosen level']],
      ]),
    );
    const logEnvelopes = ingest.received.filter(({ envelope }) =>
      envelope[1].some(([h]) => h.type === 'log'),
    );
    expect(logEnvelopes).toHaveLength(1);
  });

  it('sends the buffered logs when the page is hidden by navigating away', async () => {
    await page.evaluate(() => (window as any).logAndLeave('left the checkout'));
    await page.waitForURL('**/next.html');
    // the page that buffered the log is gone (and its 5 s timer with it): the SDK sent it on page hide
    await expect
      .poll(() => sentLogs(ingest).map((log) => log.body), { timeout: 10_000 })
      .toEqual(['left the checkout']);
    expect(sentLogs(ingest)[0]!.attributes['step']).toEqual({ type: 'string', value: 'checkout' });
  });

  it('sends the buffered logs from flushLogs in a pagehide listener', async () => {
    await page.goto(`${pages.url}/index.html?flush=manual&dsn=${encodeURIComponent(ingest.dsn)}`);
    await page.evaluate(() => (window as any).logAndLeave('left with a manual flush'));
    await page.waitForURL('**/next.html');
    await expect
      .poll(() => sentLogs(ingest).map((log) => log.body), { timeout: 10_000 })
      .toEqual(['left with a manual flush']);
  });

  // A closing tab gives the beacon no guarantee of leaving before the renderer goes (on a loaded
  // machine it sometimes does not); the assertions stay as they are.
  it('sends the buffered logs when the tab is closed', { retry: 2 }, async () => {
    await page.evaluate(() => (window as any).logAndStay('tab closed with a log pending'));
    await page.close({ runBeforeUnload: true });
    await expect
      .poll(() => sentLogs(ingest).map((log) => [log.level, log.body]), { timeout: 10_000 })
      .toEqual([['error', 'tab closed with a log pending']]);
  });
});
