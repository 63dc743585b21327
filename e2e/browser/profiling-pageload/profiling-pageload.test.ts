import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '@sentry-sdk/core';
import type { TransactionProfile } from '@sentry-sdk/core/internal';
import { assertValidEvent, getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const HOT = 'layoutProductGridHotLoop';
const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

describe.skipIf(skipReason)(
  'page-load profiles with browserProfilingIntegration (JS Self-Profiling API, real Chromium)',
  () => {
    let app: BrowserAppCase;

    beforeAll(async () => {
      // the page, with `Document-Policy: js-profiling` unless the URL asks for none
      app = await startBrowserAppCase(import.meta.url, (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname !== '/index.html') return false;
        const policy = url.searchParams.get('policy') === 'none' ? {} : { 'document-policy': 'js-profiling' };
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          ...policy,
        });
        res.end(readFileSync(join(app.caseDir, 'index.html')));
        return true;
      });
    });
    afterAll(async () => {
      await app?.close();
    });

    async function openPage(
      query: string,
      beforeLoad?: (page: Page) => Promise<void>,
    ): Promise<{ page: Page; console: string[] }> {
      const page = await app.browser.newPage();
      const console: string[] = [];
      page.on('console', (message) => console.push(message.text()));
      await beforeLoad?.(page);
      await page.goto(`${app.pages.url}/index.html?dsn=${encodeURIComponent(app.ingest.dsn)}&${query}`);
      return { page, console };
    }

    async function pageloadEnvelope(page: Page): Promise<[string, unknown][]> {
      await expect
        .poll(
          () =>
            app.ingest.received
              .filter(({ url }) => url.includes('/envelope/'))
              .some(({ envelope }) => hasPageload(envelope[1])),
          {
            timeout: 20_000,
          },
        )
        .toBe(true);
      await page.close();
      const found = app.ingest.received.find(({ envelope }) => hasPageload(envelope[1]))!;
      app.ingest.received.length = 0;
      return found.envelope[1].map(([headers, payload]) => [String(headers.type), payload]);
    }

    it('sends a profile of the page load in which the hot function dominates, within the transaction', async () => {
      const { page } = await openPage('work=600');
      const items = await pageloadEnvelope(page);
      expect(items.map(([type]) => type)).toEqual(['transaction', 'profile']);
      const transaction = items[0]![1] as Event;
      const profile = items[1]![1] as TransactionProfile;
      assertValidEvent(transaction);
      expect(transaction.contexts!['profile']).toEqual({ profile_id: profile.event_id });
      expect(profile).toMatchObject({
        version: '1',
        platform: 'javascript',
        release: 'shop@5.0.0',
        runtime: { name: 'javascript', version: expect.stringContaining('Chrome') },
        transactions: [
          {
            id: transaction.event_id,
            name: '/index.html',
            trace_id: (transaction.contexts!['trace'] as { trace_id: string }).trace_id,
            active_thread_id: '0',
          },
        ],
        profile: { thread_metadata: { '0': { name: 'main' } } },
      });
      expect(profile).not.toHaveProperty('transaction');

      const { frames, stacks, samples } = profile.profile;
      expect(samples.length).toBeGreaterThanOrEqual(20);
      const hot = frames.find((frame) => frame.function === HOT);
      expect(hot).toMatchObject({
        abs_path: `${app.pages.url}/subject.js`,
        lineno: expect.any(Number),
        colno: expect.any(Number),
      });
      // the innermost frame of the page's own scripts, in the samples that ran JavaScript: mostly the hot function
      const running = samples.filter((s) => stacks[s.stack_id]!.length > 0);
      const innermost = running.map(
        (s) =>
          stacks[s.stack_id]!.map((i) => frames[i]!).find((f) => f.abs_path?.endsWith('/subject.js'))
            ?.function,
      );
      expect(innermost.filter((name) => name === HOT).length / running.length).toBeGreaterThan(0.5);

      const anchor = Date.parse(profile.timestamp) / 1000;
      for (const sample of samples) {
        const time = anchor + Number(sample.elapsed_since_start_ns) / 1e9;
        expect(time).toBeGreaterThanOrEqual(transaction.start_timestamp!);
        expect(time).toBeLessThanOrEqual(transaction.timestamp!);
      }
    });

    it('without the Document-Policy header, sends the page load without a profile and explains why in a debug message', async () => {
      const { page, console } = await openPage('work=100&policy=none');
      const items = await pageloadEnvelope(page);
      expect(items.map(([type]) => type)).toEqual(['transaction']);
      expect((items[0]![1] as Event).contexts).not.toHaveProperty('profile');
      expect(console.some((text) => text.includes('Document-Policy: js-profiling'))).toBe(true);
      expect(console.filter((text) => /error/i.test(text) && !text.includes('[log]'))).toEqual([]);
    });

    it('where the browser has no JS Self-Profiling API, says so and sends the page load unprofiled', async () => {
      const { page, console } = await openPage('work=100', async (p) => {
        await p.addInitScript(() => delete (window as { Profiler?: unknown }).Profiler);
      });
      const items = await pageloadEnvelope(page);
      expect(items.map(([type]) => type)).toEqual(['transaction']);
      expect(console.some((text) => text.includes('no JS Self-Profiling API'))).toBe(true);
    });
  },
);

function hasPageload(items: [{ type?: unknown }, unknown][]): boolean {
  return items.some(
    ([headers, payload]) =>
      headers.type === 'transaction' && (payload as Event).contexts?.['trace']?.['op'] === 'pageload',
  );
}
