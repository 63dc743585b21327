import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserCase, type BrowserCase } from '../../lib/browser-page';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

describe.skipIf(skipReason)('CDN bundle in real Chromium', () => {
  let browserCase: BrowserCase;

  beforeAll(async () => {
    browserCase = await startBrowserCase(dirname(fileURLToPath(import.meta.url)));
  });
  afterAll(() => browserCase?.close());

  it('defines window.Sentry with the SDK version', async () => {
    const page = await browserCase.openPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const version = await page.evaluate(() => (window as unknown as { Sentry?: { SDK_VERSION?: unknown } }).Sentry?.SDK_VERSION);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(errors).toEqual([]);
  });
});
