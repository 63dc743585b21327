import { dirname } from 'node:path';
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

describe.skipIf(skipReason)('lazyLoadIntegration in the errors bundle', () => {
  let ingest: IngestServer;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    ingest = await startIngestServer();
    server = await startStaticServer({
      mounts: { '/': CASE_DIR, '/bundles/': BUNDLES_DIR },
      handle(req, res) {
        requested.push(req.url ?? '');
        if (req.url !== '/fails-with-500') return false;
        res.writeHead(500, { 'content-type': 'text/plain' }).end('broken on purpose');
        return true;
      },
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${server.url}/index.html?dsn=${encodeURIComponent(ingest.dsn)}`);
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

  const step = (name: string): Promise<any> => page.evaluate((step) => (window as any).steps[step](), name);

  it('loads httpClientIntegration from http-client.min.js beside the bundle, once, and it reports a failed request', async () => {
    expect(requested.filter((url) => url.includes('http-client'))).toEqual([]);
    expect(await step('httpClient')).toEqual({ status: 500, again: true });
    expect(requested.filter((url) => url.includes('http-client'))).toEqual(['/bundles/http-client.min.js']);
    const failed = (): Json | undefined =>
      items('event').find((event) => event.request?.url?.endsWith('/fails-with-500'));
    await expect.poll(failed, { timeout: 15_000 }).toBeDefined();
    const event = failed()!;
    assertValidEvent(event);
    expect(event.contexts.response).toMatchObject({ status_code: 500 });
  });

  it('loads browserTracingIntegration from browser-tracing.min.js, and it traces a navigation', async () => {
    expect(await step('tracing')).toBe('function');
    const navigation = (): Json | undefined =>
      items('transaction').find((t) => t.contexts?.trace?.op === 'navigation');
    await expect.poll(navigation, { timeout: 20_000 }).toBeDefined();
    assertValidEvent(navigation()!);
    expect(navigation()!.transaction).toBe('/lazy-route');
  });

  it('rejects a name whose add-on file does not exist', async () => {
    expect(await step('unknown')).toBe(
      "lazyLoadIntegration('noSuchIntegration'): no-such.min.js could not be loaded",
    );
  });
});
