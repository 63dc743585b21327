import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserCase, type BrowserCase } from '../../lib/browser-page';

const CASE_DIR = dirname(fileURLToPath(import.meta.url));
const CORPUS = resolve(CASE_DIR, '../../../packages/browser/src/stack/chrome-stacks.json');
const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Frame = [string, string, number | null, number | null, boolean];
interface Case {
  name: string;
  stack: string;
  frames: Frame[];
}

// Corpus names of the stacks this page records, where they differ from the page's own names.
const PAGE_NAME: Record<string, string> = { arrowInNativeMap: 'arrowAnonymous', webpackSourceUrl: 'webpack', nestedAnonymous: 'nested' };

describe.skipIf(skipReason)('the Chrome stack corpus against this Chromium', () => {
  let browserCase: BrowserCase;
  let live: Record<string, string>;
  const corpus = (JSON.parse(readFileSync(CORPUS, 'utf8')) as { cases: Case[] }).cases;

  beforeAll(async () => {
    browserCase = await startBrowserCase(CASE_DIR);
    const page = await browserCase.openPage();
    await page.waitForFunction(() => Object.keys((window as any).stacks).length >= 16);
    // as entries: a key named "constructor" does not survive the trip as an object
    live = Object.fromEntries(await page.evaluate(() => Object.entries((window as any).stacks as Record<string, string>)));
  });
  afterAll(() => browserCase?.close());

  // The cases recorded from app.js; the blob URL is new on every load, the rest came from other pages.
  const RECORDED = ['named', 'method', 'constructor', 'nullDeref', 'arrowInNativeMap', 'eval', 'newFunction', 'webpackSourceUrl',
    'jsonReviver', 'nestedAnonymous', 'domException', 'promiseThen', 'async', 'timer'];
  const recorded = corpus.filter((c) => RECORDED.includes(c.name));

  it.each(recorded.map((c) => [c.name, c] as const))('%s: Chromium still throws this stack, and the SDK parses it in the page', async (name, c) => {
    const stack = live[Object.hasOwn(PAGE_NAME, name) ? PAGE_NAME[name]! : name];
    const origin = browserCase.server.url;
    expect(stack?.replaceAll(origin, 'http://127.0.0.1:8080')).toBe(c.stack);
    const page = await browserCase.openPage();
    const frames = await page.evaluate(
      (text) =>
        (window as any).Sentry.defaultStackParser(text).map((f: any) => [f.function, f.filename, f.lineno ?? null, f.colno ?? null, f.in_app]),
      stack!,
    );
    await page.close();
    expect(frames).toEqual(c.frames.map(([fn, file, ...rest]) => [fn, file.replace('http://127.0.0.1:8080', origin), ...rest]));
  });
});
