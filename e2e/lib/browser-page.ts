import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startStaticServer, type StaticServer } from '@sentry-sdk/test-utils';

/** The CDN bundles as the browser package's build writes them. */
export const BUNDLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../packages/browser/build/bundles');

/** A case folder's page served beside the CDN bundles, and a Chromium to open it in. */
export interface BrowserCase {
  server: StaticServer;
  browser: Browser;
  openPage(path?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Serves `caseDir` at `/` and the bundles at `/bundles/`, then launches Chromium. */
export async function startBrowserCase(caseDir: string): Promise<BrowserCase> {
  const server = await startStaticServer({ mounts: { '/': caseDir, '/bundles/': BUNDLES_DIR } });
  const browser = await launchChromium();
  return {
    server,
    browser,
    async openPage(path = '/') {
      const page = await browser.newPage();
      await page.goto(`${server.url}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
