import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertValidEvent,
  getChromiumSkipReason,
  startStaticServer,
  type StaticServer,
} from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const CASE_DIR = dirname(fileURLToPath(import.meta.url));
const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Json = Record<string, any>;

const ONERROR = { type: 'auto.browser.global_handlers.onerror', handled: false };
const REJECTION = { type: 'auto.browser.global_handlers.onunhandledrejection', handled: false };

describe.skipIf(skipReason).each(['cdn', 'npm'])(
  'errors thrown in every place reach the ingest server (%s build)',
  (flavour) => {
    let app: BrowserAppCase;
    let otherOrigin: StaticServer;
    let page: Page;
    const byValue = new Map<string, Json[]>();

    beforeAll(async () => {
      app = await startBrowserAppCase(import.meta.url);
      // Another port is another origin: its script errors reach the page as "Script error.".
      otherOrigin = await startStaticServer({ mounts: { '/': CASE_DIR } });
      page = await app.browser.newPage();
      const query = new URLSearchParams({ dsn: app.ingest.dsn, otherOrigin: otherOrigin.url });
      await page.goto(`${app.pages.url}/${flavour}.html?${query.toString()}`);

      const triggers = await page.evaluate(() => Object.keys((window as any).triggers));
      for (const name of triggers) {
        await page.evaluate((trigger) => void (window as any).triggers[trigger](), name);
        // scripts load and timers fire on their own schedule; let each error land before the next
        await page.waitForTimeout(50);
      }
      await app.ingest.waitForEnvelopes(triggers.length);
      await page.waitForTimeout(300);
      for (const { envelope } of app.ingest.received) {
        for (const [headers, payload] of envelope[1]) {
          if (headers.type !== 'event') continue;
          const event = payload as Json;
          const value = event.exception?.values?.at(-1)?.value as string;
          byValue.set(value, [...(byValue.get(value) ?? []), event]);
        }
      }
    });

    afterAll(async () => {
      await app?.close();
      await otherOrigin?.close();
    });

    function only(value: string): Json {
      const events = byValue.get(value) ?? [];
      expect(events, `events with the value "${value}"`).toHaveLength(1);
      assertValidEvent(events[0]);
      return events[0]!;
    }

    function thrown(event: Json): Json {
      return event.exception.values.at(-1);
    }

    it('sends every event once, valid, as the browser SDK', () => {
      expect(byValue.size).toBe(15);
      for (const [value] of byValue) {
        const event = only(value);
        expect(event.platform).toBe('javascript');
        expect(event.sdk).toMatchObject({ name: 'oss.javascript.browser', settings: { infer_ip: 'never' } });
        expect(event.release).toBe('e2e@1.0.0');
        expect(event.request.url).toContain(`/${flavour}.html`);
        expect(event.request.headers['User-Agent']).toMatch(/Chrome/);
      }
    });

    it('captures a throw in an inline script through the error handler, with its stack', () => {
      const exception = thrown(only('sync throw in an inline script'));
      expect(exception).toMatchObject({ type: 'Error', mechanism: ONERROR });
      expect(exception.stacktrace.frames.length).toBeGreaterThan(0);
    });

    it('captures a throw in a script file with the frame of that file', () => {
      const exception = thrown(only('thrown by thrower.js'));
      expect(exception).toMatchObject({ type: 'TypeError', mechanism: ONERROR });
      expect(exception.stacktrace.frames.at(-1)).toMatchObject({
        filename: `${app.pages.url}/thrower.js`,
        function: '?',
        lineno: 2,
        colno: 7,
        in_app: true,
      });
    });

    it('captures a cross-origin "Script error." with the page as its only frame', () => {
      const exception = thrown(only('Script error.'));
      expect(exception).toMatchObject({ type: 'Error', mechanism: ONERROR });
      expect(exception.stacktrace.frames).toEqual([
        {
          filename: expect.stringContaining(`${app.pages.url}/${flavour}.html`),
          function: '?',
          in_app: true,
        },
      ]);
    });

    it('makes a frame from the ErrorEvent fields when there is no error object', () => {
      const exception = thrown(only('ghost is not defined'));
      expect(exception).toMatchObject({ type: 'ReferenceError', mechanism: ONERROR });
      expect(exception.stacktrace.frames).toEqual([
        { filename: `${app.pages.url}/ghost.js`, function: '?', lineno: 12, colno: 7, in_app: true },
      ]);
    });

    it('captures unhandled rejections of every kind as unhandled', () => {
      const error = thrown(only('rejected with an Error'));
      expect(error).toMatchObject({ type: 'Error', mechanism: REJECTION });
      expect(error.stacktrace.frames.at(-1)).toMatchObject({
        function: 'Object.rejectError',
        filename: `${app.pages.url}/subject.js`,
      });

      expect(
        thrown(only('Non-Error promise rejection captured with value: rejected with a string')),
      ).toMatchObject({
        type: 'UnhandledRejection',
        mechanism: REJECTION,
      });
      expect(thrown(only('Non-Error promise rejection captured with value: 42')).mechanism).toMatchObject(
        REJECTION,
      );

      const objectEvent = only('Object captured as exception with keys: code, retry');
      expect(thrown(objectEvent).mechanism).toMatchObject(REJECTION);
      expect(objectEvent.extra.__serialized__).toEqual({ code: 'E_CART', retry: false });

      const eventValue = [...byValue.keys()].find((value) => value?.includes('cart-failed'));
      expect(eventValue).toMatch(/CustomEvent.*type=cart-failed/);
      expect(thrown(only(eventValue!)).mechanism).toMatchObject(REJECTION);

      expect(thrown(only('The operation was aborted.'))).toMatchObject({
        type: 'AbortError',
        mechanism: REJECTION,
      });
    });

    it.each([
      ['thrown in setTimeout', 'setTimeout', 'timeoutCallback'],
      ['thrown in a click listener', 'addEventListener', 'onBuyClick'],
      ['thrown in requestAnimationFrame', 'requestAnimationFrame', 'frameCallback'],
      ['thrown in an XHR onload', 'xhr.onload', 'onXhrLoad'],
    ])('captures "%s" once, in the wrapper, with the API as mechanism', (value, api, fn) => {
      const exception = thrown(only(value));
      expect(exception.mechanism).toMatchObject({
        type: `auto.browser.browserapierrors.${api}`,
        handled: false,
        data: { function: api, handler: fn },
      });
      const frames = exception.stacktrace.frames as Json[];
      // Chrome prefixes the receiver: "HTMLButtonElement.onBuyClick".
      expect(frames.at(-1)).toMatchObject({
        function: expect.stringMatching(new RegExp(`(^|\\.)${fn}$`)),
        filename: `${app.pages.url}/subject.js`,
        in_app: true,
      });
      // The SDK's own wrapper frames are not the app's when the SDK comes from the CDN bundle.
      if (flavour === 'cdn') {
        for (const frame of frames.filter((f) => String(f.filename).includes('/bundles/')))
          expect(frame.in_app).toBe(false);
      }
    });

    it('captures a string passed to captureException as a handled, synthetic exception', () => {
      expect(thrown(only('a plain string captured'))).toMatchObject({
        type: 'Error',
        mechanism: { type: 'generic', handled: true, synthetic: true },
      });
    });

    it('lets removeEventListener remove a wrapped listener', async () => {
      expect(await page.evaluate(() => (window as any).removedListenerRuns())).toBe(0);
    });

    it('wraps XHR callbacks keeping their source for toString', async () => {
      expect(await page.evaluate(() => (window as any).wrappedXhrCallback())).toEqual({
        wrapped: true,
        sameSource: true,
        length: 0,
      });
    });
  },
);
