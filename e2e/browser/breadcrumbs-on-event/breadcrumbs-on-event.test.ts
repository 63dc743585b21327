import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidEvent, getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Crumb = Record<string, any>;

describe.skipIf(skipReason).each(['cdn', 'npm'])('breadcrumbs on a later event (%s build)', (flavour) => {
  let app: BrowserAppCase;

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function breadcrumbsOfFailure(off: string): Promise<Crumb[]> {
    const before = app.ingest.received.length;
    const page: Page = await app.browser.newPage();
    await page.goto(`${app.pages.url}/${flavour}.html?dsn=${encodeURIComponent(app.ingest.dsn)}&off=${off}`);
    await page.evaluate(() => (window as any).doThings());
    await page.click('#pay');
    await page.click('#email');
    await page.keyboard.type('ana@example.org');
    await page.evaluate(() => (window as any).fail());
    await app.ingest.waitForEnvelopes(before + 2);
    await page.close();
    const event = app.ingest.received
      .slice(before)
      .flatMap(({ envelope }) => envelope[1])
      .map(([, payload]) => payload as Record<string, any>)
      .find((payload) => payload.exception?.values?.[0]?.value === 'payment failed');
    assertValidEvent(event);
    return event?.breadcrumbs?.values ?? [];
  }

  it('carries console, fetch, XHR, navigation, click, input and earlier-event breadcrumbs, oldest first', async () => {
    const crumbs = await breadcrumbsOfFailure('');
    expect(crumbs.map((crumb) => crumb.category)).toEqual([
      'sentry.event',
      'console',
      'console',
      'fetch',
      'xhr',
      'navigation',
      'ui.click',
      'ui.click',
      'ui.input',
    ]);
    const [earlier, log, warn, fetchCrumb, xhr, navigation, click] = crumbs;
    expect(earlier).toMatchObject({
      message: 'an earlier event',
      level: 'info',
      event_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(log).toMatchObject({
      level: 'info',
      message: 'cart loaded {"items":2}',
      data: { arguments: ['cart loaded', { items: 2 }], logger: 'console' },
    });
    expect(warn).toMatchObject({ level: 'warning', message: 'slow network' });
    expect(fetchCrumb).toMatchObject({
      type: 'http',
      data: { method: 'GET', url: '/data.json', status_code: 200, 'http.query': 'token=[Filtered]&page=1' },
    });
    expect(xhr).toMatchObject({
      type: 'http',
      level: 'warning',
      data: { method: 'POST', url: '/missing', status_code: 404 },
    });
    expect(JSON.stringify(xhr)).not.toContain('never recorded');
    // same-origin URLs shortened to their path; queries are not part of navigation breadcrumbs
    expect(navigation).toMatchObject({ data: { from: `/${flavour}.html`, to: '/checkout' } });
    expect(click).toMatchObject({
      message: 'main#shop.page > CheckoutForm > button#pay.btn.primary[data-testid="pay-button"]',
      data: { 'ui.component_name': 'CheckoutForm' },
    });
    expect(crumbs[7]).toMatchObject({
      message: 'body > main#shop.page > input#email[type="email"][name="email"]',
    });
    // typing 15 characters into one field within a second makes one breadcrumb
    expect(crumbs[8]).toMatchObject({
      message: 'body > main#shop.page > input#email[type="email"][name="email"]',
    });
  });

  it('leaves out the sources that are turned off', async () => {
    const crumbs = await breadcrumbsOfFailure('console,dom,fetch');
    expect(crumbs.map((crumb) => crumb.category)).toEqual(['sentry.event', 'xhr', 'navigation']);
  });
});
