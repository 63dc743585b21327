import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertValidEvent,
  getChromiumSkipReason,
  startIngestServer,
  type IngestServer,
} from '@sentry-sdk/test-utils';
import { BUNDLES_DIR, startBrowserCase, type BrowserCase } from '../../lib/browser-page';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Json = Record<string, any>;

const FLAVOURS = ['bundle', 'bundle.tracing', 'bundle.logs', 'bundle.tracing.logs'];
const BUNDLES = FLAVOURS.flatMap((flavour) => [`${flavour}.min.js`, `${flavour}.debug.min.js`]);

function readSri(): Record<string, string> {
  return JSON.parse(readFileSync(resolve(BUNDLES_DIR, 'sri.json'), 'utf8'));
}

describe.skipIf(skipReason)('each CDN bundle, loaded with its SRI hash, reports to the ingest server', () => {
  let pages: BrowserCase;
  let ingest: IngestServer;

  beforeAll(async () => {
    pages = await startBrowserCase(dirname(fileURLToPath(import.meta.url)));
    ingest = await startIngestServer();
  });
  afterAll(async () => {
    await pages?.close();
    await ingest?.close();
  });

  function items(type: string): Json[] {
    return ingest.received.flatMap(({ envelope }) =>
      envelope[1].filter(([headers]) => headers.type === type).map(([, payload]) => payload as Json),
    );
  }

  async function openBundle(file: string, integrity: string): Promise<{ page: Page; loaded: string }> {
    const query = new URLSearchParams({ bundle: file, integrity });
    const page = await pages.openPage(`/index.html?${query.toString()}`);
    return { page, loaded: await page.evaluate(() => (window as any).bundleLoaded) };
  }

  it('writes a sha384 hash of every bundle, add-on file and the loader to sri.json', () => {
    const sri = readSri();
    for (const file of [...BUNDLES, 'loader.min.js', 'http-client.min.js', 'browser-tracing.min.js']) {
      const digest = createHash('sha384')
        .update(readFileSync(resolve(BUNDLES_DIR, file)))
        .digest('base64');
      expect(sri[file], file).toBe(`sha384-${digest}`);
    }
  });

  it.each(BUNDLES)('%s captures an error thrown in the page, with its stack', async (file) => {
    const { page, loaded } = await openBundle(file, readSri()[file]!);
    expect(loaded).toBe('loaded');
    const tracing = file.includes('tracing');
    const logs = file.includes('logs');
    const message = `thrown under ${file}`;
    await page.evaluate(
      ({ dsn, file, tracing, logs, message }) => {
        const Sentry = (window as any).Sentry;
        Sentry.init({
          dsn,
          release: 'e2e@1.0.0',
          initialScope: { tags: { bundle: file } },
          ...(tracing && { integrations: [Sentry.browserTracingIntegration()], tracesSampleRate: 1 }),
          ...(logs && { enableLogs: true }),
        });
        if (logs) Sentry.logger.info(`log under ${message}`);
        (window as any).throwLater(message);
      },
      { dsn: ingest.dsn, file, tracing, logs, message },
    );
    const byMessage = (): Json | undefined =>
      items('event').find((event) => event.exception?.values?.at(-1)?.value === message);
    await expect.poll(byMessage, { timeout: 15_000 }).toBeDefined();
    const event = byMessage()!;
    assertValidEvent(event);
    const exception = event.exception.values.at(-1);
    expect(exception.mechanism).toMatchObject({
      type: 'auto.browser.browserapierrors.setTimeout',
      handled: false,
    });
    expect(exception.stacktrace.frames.at(-1)).toMatchObject({
      function: 'throwFromPage',
      filename: expect.stringContaining('/index.html'),
      in_app: true,
    });
    expect(event.sdk.name).toBe('oss.javascript.browser');
    expect(event.tags.bundle).toBe(file);
    if (tracing) {
      // the page load span ends once the page has been idle for a while
      const pageload = (): Json | undefined =>
        items('transaction').find((t) => t.contexts?.trace?.op === 'pageload' && t.tags?.bundle === file);
      await expect.poll(pageload, { timeout: 15_000 }).toBeDefined();
      assertValidEvent(pageload()!);
    }
    if (logs) {
      await expect
        .poll(
          () => items('log').some((container) => JSON.stringify(container).includes(`log under ${message}`)),
          { timeout: 15_000 },
        )
        .toBe(true);
    }
    await page.close();
  });

  it('refuses a bundle whose hash does not match: the browser enforces the integrity check', async () => {
    const wrong = `sha384-${createHash('sha384').update('another file').digest('base64')}`;
    const { page, loaded } = await openBundle('bundle.min.js', wrong);
    expect(loaded).toBe('blocked');
    expect(await page.evaluate(() => typeof (window as any).Sentry)).toBe('undefined');
    await page.close();
  });
});
