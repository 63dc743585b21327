import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
const OUT_DIR = resolve(CASE_DIR, '../../.out/events-on-unload');
const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

function eventsWithValue(ingest: IngestServer, value: string): Record<string, any>[] {
  return ingest.received
    .flatMap(({ envelope }) => envelope[1])
    .filter(([headers]) => headers.type === 'event')
    .map(([, payload]) => payload as Record<string, any>)
    .filter((event) => event.exception?.values?.at(-1)?.value === value);
}

describe.skipIf(skipReason).each(['cdn', 'npm'])('events from a page that navigates away (%s build)', (flavour) => {
  let browser: Browser;
  let pages: StaticServer;
  let ingest: IngestServer;
  let page: Page;

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
    pages = await startStaticServer({ mounts: { '/': CASE_DIR, '/bundles/': BUNDLES_DIR, '/npm/': OUT_DIR } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  beforeEach(async () => {
    ingest = await startIngestServer();
    page = await browser.newPage();
    await page.goto(`${pages.url}/${flavour}.html?dsn=${encodeURIComponent(ingest.dsn)}`);
    return async () => {
      await page.close();
      await ingest.close();
    };
  });

  it('delivers an error thrown right before navigating away', async () => {
    await page.evaluate(() => (window as any).throwAndLeave('thrown as the page leaves'));
    await page.waitForURL('**/next.html');
    await ingest.waitForEnvelopes(1);
    const [event] = eventsWithValue(ingest, 'thrown as the page leaves');
    assertValidEvent(event);
    expect(event?.exception.values[0].mechanism).toMatchObject({ type: 'auto.browser.browserapierrors.setTimeout', handled: false });
  });

  it('hands an event sent without keepalive to sendBeacon when the page hides', async () => {
    // The large event stays in flight: the server never answers.
    ingest.respondWith({ kind: 'hang' });
    await page.evaluate(() => (window as any).throwAndLeaveWithoutKeepalive('thrown while keepalive is used up'));
    await page.waitForURL('**/next.html');
    await expect.poll(() => eventsWithValue(ingest, 'thrown while keepalive is used up').length, { timeout: 10_000 }).toBeGreaterThan(0);
    const events = eventsWithValue(ingest, 'thrown while keepalive is used up');
    for (const event of events) assertValidEvent(event);
    // a fetch cut short may also have delivered it: then both carry the same id, which Sentry deduplicates
    expect(new Set(events.map((event) => event.event_id)).size).toBe(1);
    const beacons = await page.evaluate(() => JSON.parse(sessionStorage.getItem('beacons') ?? '[]'));
    expect(beacons).toEqual([{ queued: true, bytes: expect.any(Number) }]);
    expect(beacons[0].bytes).toBeGreaterThan(8_000);
  });
});
