import { afterEach, describe, expect, it, vi } from 'vitest';
import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { eventFromReport, reportingObserverIntegration, type BrowserReport } from './reporting-observer';

afterEach(() => {
  vi.unstubAllGlobals();
});

// The shapes Chromium delivers (the bodies are DeprecationReportBody, InterventionReportBody, CrashReportBody).
const DEPRECATION: BrowserReport = {
  type: 'deprecation',
  url: 'https://shop.example/cart',
  body: {
    id: 'XMLHttpRequestSynchronousInNonWorkerOutsideBeforeUnload',
    message: 'Synchronous XMLHttpRequest on the main thread is deprecated.',
    sourceFile: 'https://shop.example/app.js',
    lineNumber: 12,
    columnNumber: 7,
    anticipatedRemoval: null,
  },
};

describe('eventFromReport', () => {
  it('makes a warning whose message says the type and the browser message, with the fields as context', () => {
    expect(eventFromReport(DEPRECATION)).toEqual({
      level: 'warning',
      logentry: {
        message:
          'ReportingObserver [deprecation]: Synchronous XMLHttpRequest on the main thread is deprecated.',
      },
      contexts: {
        report: {
          type: 'deprecation',
          url: 'https://shop.example/cart',
          id: 'XMLHttpRequestSynchronousInNonWorkerOutsideBeforeUnload',
          message: 'Synchronous XMLHttpRequest on the main thread is deprecated.',
          source_file: 'https://shop.example/app.js',
          line_number: 12,
          column_number: 7,
        },
      },
    });
  });

  it('makes an error for a crash, with its reason, and survives bodies it does not know', () => {
    expect(
      eventFromReport({
        type: 'crash',
        url: 'https://shop.example/',
        body: { reason: 'oom', crashId: 'c-1' },
      }),
    ).toMatchObject({
      level: 'error',
      logentry: { message: 'ReportingObserver [crash]: the page crashed (oom)' },
      contexts: { report: { type: 'crash', reason: 'oom', crash_id: 'c-1' } },
    });
    expect(eventFromReport({ type: 'intervention', body: null }).logentry?.message).toBe(
      'ReportingObserver [intervention]: no details',
    );
  });
});

describe('reportingObserverIntegration', () => {
  it('observes the chosen types, buffered, and captures each report as an event', async () => {
    const observers: { options: unknown; deliver: (reports: BrowserReport[]) => void }[] = [];
    vi.stubGlobal(
      'ReportingObserver',
      class {
        constructor(callback: (reports: BrowserReport[]) => void, options: unknown) {
          observers.push({ options, deliver: callback });
        }
        observe(): void {}
        disconnect(): void {}
      },
    );
    const { events } = await withCapturedEnvelopes(
      () =>
        observers[0]?.deliver([
          DEPRECATION,
          { type: 'intervention', body: { message: 'Blocked call to navigator.vibrate' } },
        ]),
      { integrations: [reportingObserverIntegration({ types: ['deprecation', 'intervention'] })] },
    );
    expect(observers.map((observer) => observer.options)).toEqual([
      { buffered: true, types: ['deprecation', 'intervention'] },
    ]);
    expect(events.map((event) => event.logentry?.message)).toEqual([
      'ReportingObserver [deprecation]: Synchronous XMLHttpRequest on the main thread is deprecated.',
      'ReportingObserver [intervention]: Blocked call to navigator.vibrate',
    ]);
  });

  it('does nothing where the browser has no ReportingObserver', async () => {
    const { events } = await withCapturedEnvelopes(() => undefined, {
      integrations: [reportingObserverIntegration()],
    });
    expect(events).toEqual([]);
  });
});
