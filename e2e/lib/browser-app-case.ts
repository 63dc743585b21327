import { mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium, startIngestServer, startStaticServer, type IngestServer, type StaticServer, type StaticServerOptions } from '@sentry-sdk/test-utils';
import { BUNDLES_DIR } from './browser-page';

/** A case folder served with the npm build and the CDN bundles, an ingest server, and a Chromium. */
export interface BrowserAppCase {
  caseDir: string;
  pages: StaticServer;
  ingest: IngestServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts a browser case from its test file's `import.meta.url`: bundles the folder's `npm-entry.ts`
 * with esbuild (the npm ESM build as an app would ship it) to `/npm/sentry.js`, serves the folder at
 * `/` and the CDN bundles at `/bundles/`, and starts an ingest server and Chromium.
 */
export async function startBrowserAppCase(testFileUrl: string, handle?: StaticServerOptions['handle']): Promise<BrowserAppCase> {
  const caseDir = dirname(fileURLToPath(testFileUrl));
  const outDir = resolve(caseDir, '../../.out', basename(caseDir));
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [resolve(caseDir, 'npm-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outfile: resolve(outDir, 'sentry.js'),
    logLevel: 'error',
  });
  const ingest = await startIngestServer();
  const pages = await startStaticServer({ mounts: { '/': caseDir, '/bundles/': BUNDLES_DIR, '/npm/': outDir }, ...(handle && { handle }) });
  const browser = await launchChromium();
  return {
    caseDir,
    pages,
    ingest,
    browser,
    async close() {
      await browser.close();
      await pages.close();
      await ingest.close();
    },
  };
}
