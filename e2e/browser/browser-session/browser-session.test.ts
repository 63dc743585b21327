import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertValidEvent, getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Json = Record<string, any>;

describe.skipIf(skipReason).each(['cdn', 'npm'])('release health sessions of a page (%s build)', (flavour) => {
  let app: BrowserAppCase;
  let page: Page;
  let since = 0;

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url);
  });
  afterAll(() => app?.close());
  beforeEach(async () => {
    since = app.ingest.received.length;
    page = await app.browser.newPage();
    return () => page.close();
  });

  const items = (type: string): Json[] =>
    app.ingest.received
      .slice(since)
      .flatMap(({ envelope }) => envelope[1])
      .filter(([headers]) => headers.type === type)
      .map(([, payload]) => payload as Json);
  // Sessions this test started (an earlier test's page may still send its end while closing).
  const sessions = (): Json[] => {
    const all = items('session');
    const started = new Set(all.filter((session) => session.init).map((session) => session.sid));
    return all.filter((session) => started.has(session.sid));
  };
  const summary = (): Json[] => sessions().map(({ init, status, errors }) => ({ init, status, errors }));
  const sessionCount = async (count: number): Promise<void> => {
    await expect.poll(() => sessions().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  };

  async function open(query: Record<string, string> = { release: 'shop@1.2.3' }): Promise<void> {
    const search = new URLSearchParams({ dsn: app.ingest.dsn, ...query });
    await page.goto(`${app.pages.url}/${flavour}.html?${search.toString()}`);
  }

  async function leave(): Promise<void> {
    await page.goto(`${app.pages.url}/next.html`);
  }

  it('starts a session per page load, sent once the page is idle', async () => {
    await open({ release: 'shop@1.2.3', user: 'user-42' });
    await sessionCount(1);
    const [session] = sessions();
    expect(session).toEqual({
      sid: expect.stringMatching(/^[0-9a-f]{32}$/),
      did: 'user-42',
      init: true,
      started: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      status: 'ok',
      errors: 0,
      attrs: { release: 'shop@1.2.3', environment: 'production', user_agent: expect.stringMatching(/Chrome/) },
    });
    // a session envelope carries the SDK in its header, and no event
    const envelope = app.ingest.received.find(({ envelope: [, envelopeItems] }) => envelopeItems[0]?.[0].type === 'session')?.envelope;
    expect(envelope?.[0]).toMatchObject({ sdk: { name: 'oss.javascript.browser' }, sent_at: expect.any(String) });
  });

  it('counts handled errors, sends on the first, and ends as exited when the page is left', async () => {
    await open();
    await sessionCount(1);
    await page.evaluate(() => (window as any).handledError('first handled'));
    await sessionCount(2);
    await page.evaluate(() => (window as any).handledError('second handled'));
    await expect.poll(() => items('event').length).toBe(2);
    await leave();
    await sessionCount(3);
    expect(summary()).toEqual([
      { init: true, status: 'ok', errors: 0 },
      { init: false, status: 'ok', errors: 1 },
      { init: false, status: 'exited', errors: 2 },
    ]);
    expect(new Set(sessions().map((session) => session.sid)).size).toBe(1);
    items('event').forEach((event) => assertValidEvent(event));
  });

  it('marks the session crashed on an uncaught error, and sends no end after it', async () => {
    await open();
    await sessionCount(1);
    await page.evaluate(() => (window as any).uncaughtError('uncaught'));
    await sessionCount(2);
    await leave();
    // time for an (unwanted) end update to arrive
    await page.waitForTimeout(500);
    await expect.poll(() => items('event').length).toBe(1);
    assertValidEvent(items('event')[0]);
    expect(summary()).toEqual([
      { init: true, status: 'ok', errors: 0 },
      { init: false, status: 'crashed', errors: 1 },
    ]);
  });

  it("with lifecycle 'route', ends the session on a history navigation and starts another", async () => {
    await open({ release: 'shop@1.2.3', lifecycle: 'route' });
    await sessionCount(1);
    await page.evaluate(() => (window as any).navigate('/checkout'));
    await sessionCount(3);
    const [first, ended, next] = sessions();
    expect(ended).toMatchObject({ sid: first?.sid, init: false, status: 'exited' });
    expect(next).toMatchObject({ init: true, status: 'ok', errors: 0 });
    expect(next?.sid).not.toBe(first?.sid);
  });

  it('asks Relay for the IP address only with sendDefaultPii', async () => {
    await open({ release: 'shop@1.2.3', pii: '1' });
    await sessionCount(1);
    expect(sessions()[0]?.attrs.ip_address).toBe('{{auto}}');
  });

  it('sends no session without a release', async () => {
    await open({});
    await page.evaluate(() => (window as any).handledError('without a release'));
    await expect.poll(() => items('event').length).toBe(1);
    await leave();
    await page.waitForTimeout(500);
    expect(sessions()).toEqual([]);
  });
});
