import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

describe.skipIf(skipReason).each(['cdn', 'npm'])('bad options of the first init (%s build)', (flavour) => {
  let app: BrowserAppCase;

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url);
  });
  afterAll(() => app?.close());

  it('prints a debug warning naming each bad integrations entry, and never throws', async () => {
    const page = await app.browser.newPage();
    const warnings: string[] = [];
    const pageErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.pages.url}/${flavour}.html?dsn=${encodeURIComponent(app.ingest.dsn)}`);
    expect(await page.evaluate(() => typeof (window as any).initWithUncalledFactory())).toBe('object');
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Option `integrations`[0] is not an integration'),
        expect.stringContaining('Option `integrations`[1] is not an integration'),
      ]),
    );
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
