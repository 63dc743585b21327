import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertValidEvent, getChromiumSkipReason } from '@sentry-sdk/test-utils';
import { startBrowserAppCase, type BrowserAppCase } from '../../lib/browser-app-case';

const skipReason = getChromiumSkipReason();
if (skipReason) console.warn(`browser suite skipped: ${skipReason}`);

type Json = Record<string, any>;

describe.skipIf(skipReason).each(['cdn', 'npm'])('user feedback (%s build)', (flavour) => {
  let app: BrowserAppCase;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserAppCase(import.meta.url);
  });
  afterAll(() => app?.close());
  beforeEach(async () => {
    page = await app.browser.newPage();
    return () => page.close();
  });

  const feedbackSince = (from: number): { headers: Json; feedback: Json }[] =>
    app.ingest.received.slice(from).flatMap(({ envelope: [headers, items] }) =>
      items.filter(([item]) => item.type === 'feedback').map(([, payload]) => ({ headers, feedback: payload as Json })),
    );

  it('sends captureFeedback as a feedback item, past a beforeSend that drops every event', async () => {
    await page.goto(`${app.pages.url}/${flavour}.html?dsn=${encodeURIComponent(app.ingest.dsn)}&dropEvents`);
    const since = app.ingest.received.length;
    const id = await page.evaluate(() => (window as any).feedback());
    await expect.poll(() => feedbackSince(since).length).toBe(1);
    const [{ headers, feedback }] = feedbackSince(since) as [{ headers: Json; feedback: Json }];
    assertValidEvent(feedback);
    expect(headers.event_id).toBe(id);
    expect(feedback).toMatchObject({
      event_id: id,
      type: 'feedback',
      platform: 'javascript',
      contexts: {
        feedback: {
          message: 'The save button does nothing',
          name: 'Ana',
          contact_email: 'ana@example.org',
          associated_event_id: 'c'.repeat(32),
          source: 'api',
          url: expect.stringContaining(`/${flavour}.html`),
        },
        trace: { trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) },
      },
    });
  });

  it.runIf(flavour === 'npm')('asks in an accessible dialog and sends the answer linked to the error', async () => {
    await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`);
    const since = app.ingest.received.length;
    const errorId = await page.evaluate(() => (window as any).failAndAsk());
    const dialog = page.getByRole('dialog', { name: 'It looks like we’re having issues.' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('Name').inputValue()).toBe('Ana');
    expect(await dialog.getByLabel('Email').inputValue()).toBe('ana@example.org');
    // the comment field has the focus, so the user can type at once
    await page.keyboard.type('I clicked save twice');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => feedbackSince(since).length).toBe(1);
    const { feedback } = feedbackSince(since)[0]!;
    assertValidEvent(feedback);
    expect(feedback.contexts.feedback).toMatchObject({
      message: 'I clicked save twice',
      name: 'Ana',
      contact_email: 'ana@example.org',
      associated_event_id: errorId,
      source: 'report_dialog',
    });
    expect(await dialog.getByRole('status').textContent()).toBe('Your feedback has been sent. Thank you!');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.evaluate(() => document.querySelector('dialog') === null && (window as any).dialogClosed)).toBe(true);
  });

  it.runIf(flavour === 'npm')('links the dialog to the last error, not to feedback sent after it', async () => {
    await page.goto(`${app.pages.url}/npm.html?dsn=${encodeURIComponent(app.ingest.dsn)}`);
    const since = app.ingest.received.length;
    const errorId = await page.evaluate(() => (window as any).failTellAndAsk());
    const dialog = page.getByRole('dialog', { name: 'It looks like we’re having issues.' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type('It happened again');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => feedbackSince(since).length).toBe(2);
    expect(feedbackSince(since).map(({ feedback }) => feedback.contexts.feedback)).toEqual([
      expect.objectContaining({ message: 'Saving failed again', associated_event_id: errorId, source: 'api' }),
      expect.objectContaining({ message: 'It happened again', associated_event_id: errorId, source: 'report_dialog' }),
    ]);
  });
});
