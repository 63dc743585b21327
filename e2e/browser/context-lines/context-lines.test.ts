import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertValidEvent, getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

describe.skipIf(skipReason)('source lines of inline scripts (npm build)', () => {
  let app: BrowserAppCase;

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url);
  });
  afterAll(() => app?.close());

  it('gives the frames of an inline script the lines around them, as written in the page', async () => {
    const pageUrl = `${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`;
    const page = await app.browser.newPage();
    await page.goto(pageUrl);
    await page.evaluate(() => (window as any).runInline());
    const [received] = await app.ingest.waitForEnvelopes(1);
    await page.close();
    const event = received?.envelope[1][0]?.[1] as Record<string, any>;
    assertValidEvent(event);

    const source = readFileSync(resolve(app.caseDir, 'npm.html'), 'utf8').split('\n');
    const throwAt = source.findIndex((line) => line.includes("throw new Error('empty cart')"));
    const frames = event.exception.values.at(-1).stacktrace.frames as Record<string, any>[];
    const thrower = frames.at(-1);
    expect(thrower).toMatchObject({ filename: pageUrl, function: 'checkout', lineno: throwAt + 1 });
    expect(thrower?.context_line).toBe(source[throwAt]);
    expect(thrower?.pre_context).toEqual(source.slice(throwAt - 3, throwAt));
    expect(thrower?.post_context).toEqual(source.slice(throwAt + 1, throwAt + 4));
    // frames of script files get no lines from the page
    for (const frame of frames.filter((f) => f.filename !== pageUrl)) expect(frame.context_line).toBeUndefined();
  });
});
