import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';
import { startService, type Service } from '../../node/http-lib/services';
import { waitForItem } from '../tracing-lib/ingest-items';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

describe.skipIf(skipReason)(
  'a page load continues the trace of the server that rendered it (npm build)',
  () => {
    let app: BrowserAppCase;
    let server: Service;

    beforeAll(async () => {
      app = await startBrowserAppCase(import.meta.url);
      server = await startService(join(import.meta.dirname, 'server.cjs'), app.ingest, {
        ASSETS_URL: app.pages.url,
      });
    });
    afterAll(async () => {
      await server?.stop();
      await app?.close();
    });

    it('joins the server transaction: same trace, parented by the server span, with its frozen DSC', async () => {
      const page = await app.browser.newPage();
      await page.goto(`${server.url}/shop?dsn=${encodeURIComponent(app.ingest.dsn)}`);
      const isServerShop = (t: Record<string, any>): boolean =>
        t['contexts']?.trace?.op === 'http.server' && String(t['transaction']).includes('/shop');
      const { payload: serverTransaction, envelopeHeaders: serverHeaders } = await waitForItem(
        app.ingest,
        'transaction',
        isServerShop,
      );
      const { payload: pageload, envelopeHeaders: pageHeaders } = await waitForItem(
        app.ingest,
        'transaction',
        (t) => t['contexts']?.trace?.op === 'pageload',
      );
      await page.close();

      const serverTrace = serverTransaction['contexts'].trace;
      expect(pageload['contexts'].trace).toMatchObject({
        trace_id: serverTrace.trace_id,
        parent_span_id: serverTrace.span_id,
        op: 'pageload',
      });
      // the browser kept the server's DSC (its release and environment, not the browser's)
      expect(pageHeaders['trace']).toMatchObject({
        trace_id: serverTrace.trace_id,
        release: 'shop@2.0.0',
        environment: 'e2e',
        sample_rand: serverHeaders['trace'].sample_rand,
        sampled: 'true',
      });
    });
  },
);
