import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidEvent, getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

describe.skipIf(skipReason)('envelopes kept in IndexedDB while offline (npm build)', () => {
  let app: BrowserAppCase;

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url);
  });
  afterAll(() => app?.close());

  const eventsWith = (message: string, from = 0): Record<string, any>[] =>
    app.ingest.received
      .slice(from)
      .flatMap(({ envelope }) => envelope[1])
      .filter(([headers]) => headers.type === 'event')
      .map(([, payload]) => payload as Record<string, any>)
      .filter((event) => event.logentry?.message === message);

  it('stores an envelope the server did not answer, and sends it once after the page is reloaded', async () => {
    const page = await app.browser.newPage();
    const base = `${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`;
    await page.goto(base);

    app.ingest.respondWith({ kind: 'reset' });
    await page.evaluate(() => (window as any).capture('captured while the server was down'));
    await expect.poll(() => page.evaluate(() => (window as any).storedCount()), { timeout: 10_000 }).toBe(1);

    app.ingest.respondWith({ kind: 'status', status: 200 });
    const since = app.ingest.received.length;
    const backOnlineAt = Date.now();
    await page.goto(`${base}&retry=100`);
    await expect
      .poll(() => eventsWith('captured while the server was down', since).length, { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => page.evaluate(() => (window as any).storedCount())).toBe(0);
    // another visit finds nothing left to send
    await page.reload();
    await page.waitForTimeout(500);
    const [event] = eventsWith('captured while the server was down', since);
    expect(eventsWith('captured while the server was down', since)).toHaveLength(1);
    assertValidEvent(event);
    // sent_at says when it was finally sent, not when it was stored
    const envelope = app.ingest.received
      .slice(since)
      .find(({ envelope: [, items] }) => items[0]?.[0].type === 'event')?.envelope;
    expect(Date.parse(String(envelope?.[0].sent_at))).toBeGreaterThanOrEqual(backOnlineAt - 5);
    expect(Date.parse(String(envelope?.[0].sent_at))).toBeGreaterThan(event?.timestamp * 1000);
    await page.close();
  });
});
