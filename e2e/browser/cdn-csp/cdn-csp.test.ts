import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Json = Record<string, any>;

// No 'unsafe-eval' and no 'unsafe-inline': scripts run only from the page's own origin.
const CSP = "script-src 'self'";

describe.skipIf(skipReason)(
  "the CDN bundles and the loader under Content-Security-Policy: script-src 'self'",
  () => {
    let ingest: IngestServer;
    let server: StaticServer;
    let browser: Browser;

    beforeAll(async () => {
      ingest = await startIngestServer();
      server = await startStaticServer({
        mounts: { '/': CASE_DIR, '/bundles/': BUNDLES_DIR },
        headers: (path) =>
          path.endsWith('.html') || path === '/' ? { 'content-security-policy': CSP } : undefined,
        // loader.html gets the DSN into its data attribute; the CSP header goes on it too
        handle(req, res) {
          const url = new URL(req.url ?? '/', 'http://x');
          if (url.pathname !== '/loader.html') return false;
          const html = readFileSync(resolve(CASE_DIR, 'loader.html'), 'utf8').replace(
            '{{dsn}}',
            url.searchParams.get('dsn') ?? '',
          );
          res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP })
            .end(html);
          return true;
        },
      });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await ingest?.close();
    });

    function items(type: string): Json[] {
      return ingest.received.flatMap(({ envelope }) =>
        envelope[1].filter(([headers]) => headers.type === type).map(([, payload]) => payload as Json),
      );
    }

    async function eventWith(value: string): Promise<Json> {
      const find = (): Json | undefined =>
        items('event').find((event) => event.exception?.values?.at(-1)?.value === value);
      await expect.poll(find, { timeout: 15_000 }).toBeDefined();
      const event = find()!;
      assertValidEvent(event);
      return event;
    }

    async function open(path: string): Promise<{ page: Page; pageErrors: string[] }> {
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${server.url}/${path}?dsn=${encodeURIComponent(ingest.dsn)}`);
      return { page, pageErrors };
    }

    it('ship no eval or new Function in any file', () => {
      for (const file of readdirSync(BUNDLES_DIR).filter((name) => name.endsWith('.js'))) {
        const code = readFileSync(resolve(BUNDLES_DIR, file), 'utf8');
        expect(code, file).not.toMatch(/\beval\(|\bFunction\(/);
      }
    });

    it('the tracing + logs bundle captures errors, traces and logs, with no CSP violation of its own', async () => {
      const { page, pageErrors } = await open('index.html');
      const event = await eventWith('thrown under a strict CSP');
      expect(event.exception.values.at(-1).stacktrace.frames.at(-1)).toMatchObject({
        function: 'throwUnderCsp',
        filename: `${server.url}/app.js`,
      });
      await expect
        .poll(() => items('transaction').some((t) => t.contexts?.trace?.op === 'pageload'), {
          timeout: 15_000,
        })
        .toBe(true);
      for (const transaction of items('transaction')) assertValidEvent(transaction);
      await expect
        .poll(() => items('log').some((logs) => JSON.stringify(logs).includes('log under a strict CSP')), {
          timeout: 15_000,
        })
        .toBe(true);
      // the policy is enforced (the inline script was refused), and it is the only violation
      expect(await page.evaluate(() => (window as any).inlineRan)).toBeUndefined();
      const violations: string[] = await page.evaluate(() => (window as any).violations);
      expect(violations).toEqual([expect.stringMatching(/^script-src-elem inline$/)]);
      expect(pageErrors).toEqual(['thrown under a strict CSP']);
      await page.close();
    });

    it('the loader, served as a file, records an error before the bundle and reports it once loaded', async () => {
      const { page } = await open('loader.html');
      const event = await eventWith('thrown before the loader fetched the bundle, under a strict CSP');
      expect(event.exception.values.at(-1)).toMatchObject({
        mechanism: { type: 'auto.browser.global_handlers.onerror', handled: false },
      });
      expect(event.exception.values.at(-1).stacktrace.frames.at(-1)).toMatchObject({
        function: 'throwBeforeTheBundle',
        filename: `${server.url}/loader-app.js`,
      });
      expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
      await page.close();
    });
  },
);
