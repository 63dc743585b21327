import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertValidEvent,
  getChromiumSkipReason,
  launchChromium,
  startIngestServer,
  startStaticServer,
  type IngestServer,
  type StaticServer,
} from '@sentry-sdk/test-utils';
import { BUNDLES_DIR } from '../../lib/browser-page';

const CASE_DIR = dirname(fileURLToPath(import.meta.url));
const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Json = Record<string, any>;

const ONERROR = { type: 'auto.browser.global_handlers.onerror', handled: false };

describe.skipIf(skipReason)('the loader snippet in real Chromium', () => {
  let ingest: IngestServer;
  let server: StaticServer;
  let browser: Browser;
  // the image that holds on-load-event.html's load event, answered when the test says so
  let releaseHeldImage: () => void = () => undefined;
  const heldResponses: ServerResponse[] = [];

  /** Pages of this folder with `{{name}}` filled from the query and the built loader pasted in place of its comment. */
  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/held.svg') {
      heldResponses.push(res);
      return true;
    }
    if (!url.pathname.endsWith('.html')) return false;
    const values: Record<string, string> = {
      ...Object.fromEntries(url.searchParams),
      integrity: JSON.parse(readFileSync(resolve(BUNDLES_DIR, 'sri.json'), 'utf8'))['bundle.min.js'],
    };
    const template = readFileSync(resolve(CASE_DIR, url.pathname.slice(1)), 'utf8');
    const loader = readFileSync(resolve(BUNDLES_DIR, 'loader.min.js'), 'utf8');
    const html = template
      .replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '')
      .replace('/* loader.min.js */', () => loader);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    return true;
  }

  beforeAll(async () => {
    ingest = await startIngestServer();
    server = await startStaticServer({ mounts: { '/': CASE_DIR, '/bundles/': BUNDLES_DIR }, handle });
    browser = await launchChromium();
    releaseHeldImage = () => {
      for (const res of heldResponses.splice(0))
        res
          .writeHead(200, { 'content-type': 'image/svg+xml' })
          .end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    };
  });
  afterAll(async () => {
    releaseHeldImage();
    await browser?.close();
    await server?.close();
    await ingest?.close();
  });

  function events(): Json[] {
    return ingest.received.flatMap(({ envelope }) =>
      envelope[1].filter(([headers]) => headers.type === 'event').map(([, payload]) => payload as Json),
    );
  }

  async function eventWith(text: string): Promise<Json> {
    const find = (): Json | undefined =>
      events().find(
        (event) => event.exception?.values?.at(-1)?.value === text || event.logentry?.message === text,
      );
    await expect.poll(find, { timeout: 15_000 }).toBeDefined();
    const event = find()!;
    assertValidEvent(event);
    return event;
  }

  async function open(path: string, query: Record<string, string> = {}): Promise<Page> {
    const page = await browser.newPage();
    const search = new URLSearchParams({ dsn: ingest.dsn, ...query });
    await page.goto(`${server.url}/${path}?${search.toString()}`, { waitUntil: 'commit' });
    return page;
  }

  const isLoaded = (page: Page): Promise<boolean> =>
    page.evaluate(() => typeof (window as any).Sentry?.SDK_VERSION === 'string');

  it('reports an error thrown before the bundle loaded, with its original stack, and replays the queue in order', async () => {
    const page = await open('queue.html');
    const before = await eventWith('thrown before the bundle loaded');
    expect(await page.evaluate(() => (window as any).sdkWasLoaded)).toBe(false);
    const exception = before.exception.values.at(-1);
    expect(exception.mechanism).toMatchObject(ONERROR);
    expect(exception.stacktrace.frames.at(-1)).toMatchObject({
      function: 'throwBeforeLoad',
      filename: expect.stringContaining('/queue.html'),
      lineno: expect.any(Number),
      in_app: true,
    });
    // calls queued before the error were replayed before it: its scope has their tag and breadcrumb
    expect(before.tags).toMatchObject({ queued: 'yes' });
    expect(before.breadcrumbs.values.map((crumb: Json) => crumb.message)).toContain('queued breadcrumb');
    expect(before.release).toBe('e2e@1.0.0');

    const message = await eventWith('queued message');
    expect(message.level).toBe('info');
    expect(message.tags).toMatchObject({ queued: 'yes' });
    await page.close();
  });

  it('hands errors thrown after the bundle loaded to the SDK itself, with their stack', async () => {
    const page = await open('queue.html');
    await expect
      .poll(() => page.evaluate(() => (window as any).onLoadRan === true), { timeout: 15_000 })
      .toBe(true);
    await page.evaluate(() => setTimeout(() => (window as any).throwAfterLoad()));
    const after = await eventWith('thrown after the bundle loaded');
    const exception = after.exception.values.at(-1);
    expect(exception.stacktrace.frames.at(-1)).toMatchObject({
      function: 'throwAfterLoad',
      filename: expect.stringContaining('/queue.html'),
      in_app: true,
    });
    expect(after.release).toBe('e2e@1.0.0');
    await page.close();
  });

  it('leaves none of its stubs behind once the bundle has loaded', async () => {
    const page = await open('queue.html');
    await expect
      .poll(() => page.evaluate(() => (window as any).onLoadRan === true), { timeout: 15_000 })
      .toBe(true);
    const bundleOnly = await browser.newPage();
    await bundleOnly.setContent(`<script src="${server.url}/bundles/bundle.min.js"></script>`);
    const functionsOf = (on: Page): Promise<string[]> =>
      on.evaluate(() => {
        const sentry = (window as any).Sentry;
        return Object.keys(sentry).filter((key) => typeof sentry[key] === 'function').sort();
      });
    // a stub the bundle does not replace would queue calls that never run
    const left = (await functionsOf(page)).filter((name) => name !== 'forceLoad');
    expect(left).toEqual(await functionsOf(bundleOnly));
    await bundleOnly.close();
    await page.close();
  });

  it('without errors, waits for the page load event before loading the bundle, then calls init with the DSN', async () => {
    const page = await open('on-load-event.html');
    await page.waitForFunction(
      () => document.readyState === 'interactive' || document.readyState === 'complete',
    );
    await expect.poll(() => heldResponses.length, { timeout: 15_000 }).toBe(1);
    // the held image keeps the load event back: the snippet has not asked for the bundle yet
    expect(await page.evaluate(() => document.readyState)).toBe('interactive');
    expect(await page.evaluate(() => document.querySelectorAll('script[src]').length)).toBe(0);
    expect(await isLoaded(page)).toBe(false);
    releaseHeldImage();
    await expect.poll(() => isLoaded(page), { timeout: 15_000 }).toBe(true);
    const dsn = await page.evaluate(() => (window as any).Sentry.getClient()?.getOptions().dsn);
    expect(dsn).toBe(ingest.dsn);
    await page.close();
  });

  it('with data-load="now", loads the bundle at once', async () => {
    const page = await open('on-load-event.html', { load: 'now' });
    await expect.poll(() => heldResponses.length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => isLoaded(page), { timeout: 15_000 }).toBe(true);
    expect(await page.evaluate(() => document.readyState)).toBe('interactive');
    releaseHeldImage();
    await page.close();
  });

  it("keeps a page's own Sentry variable: the bundle extends it", async () => {
    const page = await open('own-sentry.html');
    const event = await eventWith('thrown on a page with its own Sentry');
    expect(event.exception.values.at(-1).stacktrace.frames.at(-1)).toMatchObject({
      function: 'throwBeforeLoad',
    });
    await expect.poll(() => isLoaded(page), { timeout: 15_000 }).toBe(true);
    expect(
      await page.evaluate(() => [(window as any).Sentry.appName, (window as any).Sentry.helper()]),
    ).toEqual(['shop', 'mine']);
    await page.close();
  });
});
