import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidEvent, getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Json = Record<string, any>;

describe.skipIf(skipReason)('a CDN bundle beside other globals of the page', () => {
  let app: BrowserAppCase;

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url);
  });
  afterAll(() => app?.close());

  function events(): Json[] {
    return app.ingest.received.flatMap(({ envelope }) =>
      envelope[1].filter(([headers]) => headers.type === 'event').map(([, payload]) => payload as Json),
    );
  }

  function withText(text: string): Json[] {
    return events().filter(
      (event) => event.exception?.values?.at(-1)?.value === text || event.logentry?.message === text,
    );
  }

  async function open(path: string): Promise<{ page: Page; pageErrors: string[]; warnings: string[] }> {
    const page = await app.browser.newPage();
    const pageErrors: string[] = [];
    const warnings: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${app.pages.url}/${path}?dsn=${encodeURIComponent(app.ingest.dsn)}`);
    return { page, pageErrors, warnings };
  }

  it('with a second copy of the SDK (an npm build), the second init warns and errors are reported once', async () => {
    const { page, pageErrors, warnings } = await open('two-copies.html');
    expect(warnings.some((text) => text.includes('init was called again'))).toBe(true);
    // both copies find the one client through the shared carrier
    expect(
      await page.evaluate(() => (window as any).Sentry.getClient() === (window as any).SentryNpm.getClient()),
    ).toBe(true);
    await page.evaluate(() => (window as any).throwLater());
    await expect
      .poll(() => withText('thrown with two SDK copies').length, { timeout: 15_000 })
      .toBeGreaterThan(0);
    // a message sent after the error arrives after any duplicate of it would have
    await page.evaluate(() => (window as any).SentryNpm.captureMessage('after the error'));
    await expect.poll(() => withText('after the error').length, { timeout: 15_000 }).toBe(1);
    const [event] = withText('thrown with two SDK copies');
    expect(withText('thrown with two SDK copies')).toHaveLength(1);
    assertValidEvent(event);
    expect(event!.exception.values.at(-1).stacktrace.frames.at(-1)).toMatchObject({
      function: 'throwWithTwoCopies',
    });
    expect(pageErrors).toEqual(['thrown with two SDK copies']);
    await page.close();
  });

  it("extends a page's own Sentry object instead of replacing it", async () => {
    const { page, pageErrors } = await open('own-sentry.html');
    await expect
      .poll(() => withText('thrown beside the page own Sentry').length, { timeout: 15_000 })
      .toBe(1);
    const [event] = withText('thrown beside the page own Sentry');
    assertValidEvent(event);
    expect(event!.exception.values.at(-1).stacktrace.frames.at(-1)).toMatchObject({
      function: 'throwBesideOwnSentry',
      in_app: true,
    });
    const own = await page.evaluate(() => [
      (window as any).Sentry.appName,
      (window as any).Sentry.helper(),
      typeof (window as any).Sentry.init,
    ]);
    expect(own).toEqual(['shop', 'mine', 'function']);
    expect(pageErrors).toEqual(['thrown beside the page own Sentry']);
    await page.close();
  });

  it('with two CDN bundles, the frames of both are not in-app in the one event', async () => {
    const { page, pageErrors } = await open('two-bundles.html');
    await page.evaluate(() => (window as any).throwLater());
    await expect.poll(() => withText('thrown with two CDN bundles').length, { timeout: 15_000 }).toBe(1);
    const [event] = withText('thrown with two CDN bundles');
    assertValidEvent(event);
    const frames: Json[] = event!.exception.values.at(-1).stacktrace.frames;
    const bundleFiles = new Set(frames.filter((frame) => frame.filename.includes('/bundles/')).map((f) => f.filename));
    // both bundles wrapped the timer: each contributes frames
    expect([...bundleFiles].map((file) => file.split('/').pop()).sort()).toEqual([
      'bundle.min.js',
      'bundle.tracing.min.js',
    ]);
    for (const frame of frames) expect(frame.in_app, frame.filename).toBe(!frame.filename.includes('/bundles/'));
    expect(frames.at(-1)).toMatchObject({ function: 'throwWithTwoBundles', in_app: true });
    await expect.poll(() => pageErrors).toEqual(['thrown with two CDN bundles']);
    await page.close();
  });

  it("defines a fresh Sentry object when the page's own value cannot take members, without throwing", async () => {
    const { page, pageErrors } = await open('unextendable-sentry.html');
    await expect
      .poll(() => withText('thrown beside an unextendable Sentry').length, { timeout: 15_000 })
      .toBe(1);
    assertValidEvent(withText('thrown beside an unextendable Sentry')[0]);
    expect(await page.evaluate(() => typeof (window as any).Sentry.init)).toBe('function');
    await expect.poll(() => pageErrors).toEqual(['thrown beside an unextendable Sentry']);
    await page.close();
  });

  it("in a worker (importScripts), the bundle's own frames are not in-app", async () => {
    const { page } = await open('worker.html');
    await expect.poll(() => withText('thrown in a worker').length, { timeout: 15_000 }).toBe(1);
    const [event] = withText('thrown in a worker');
    assertValidEvent(event);
    const frames: Json[] = event!.exception.values.at(-1).stacktrace.frames;
    expect(frames.some((frame) => frame.filename.endsWith('/bundles/bundle.min.js'))).toBe(true);
    for (const frame of frames) expect(frame.in_app, frame.filename).toBe(!frame.filename.includes('/bundles/'));
    expect(frames.at(-1)).toMatchObject({ function: 'throwInWorker', in_app: true });
    await page.close();
  });
});
