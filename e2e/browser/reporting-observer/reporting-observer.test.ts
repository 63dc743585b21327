import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidEvent, getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

describe.skipIf(skipReason)('browser reports become events (npm build)', () => {
  let app: BrowserAppCase;

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url);
  });
  afterAll(() => app?.close());

  it('captures a deprecation reported before init (buffered) as a warning with the report as context', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`);
    const [received] = await app.ingest.waitForEnvelopes(1);
    await page.close();
    const event = received?.envelope[1][0]?.[1] as Record<string, any>;
    assertValidEvent(event);
    expect(event.level).toBe('warning');
    expect(event.logentry.message).toMatch(/^ReportingObserver \[deprecation\]: Synchronous `XMLHttpRequest` on the main thread is deprecated/);
    expect(event.contexts.report).toMatchObject({
      type: 'deprecation',
      url: `${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`,
      id: 'XMLHttpRequestSynchronousInNonWorkerOutsideBeforeUnload',
      source_file: `${app.pages.url}/deprecated.js`,
      // the synchronous open() call
      line_number: 4,
    });
  });
});
