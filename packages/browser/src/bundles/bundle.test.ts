import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as index from '../index';
import * as tracing from '../tracing';
import * as errorsBundle from './bundle';
import * as logsBundle from './bundle.logs';
import * as tracingBundle from './bundle.tracing';
import * as tracingLogsBundle from './bundle.tracing.logs';
import { lazyLoadIntegration } from './lazy-load-integration';
import { getLazyIntegrationFile } from './lazy-integrations';
import { onLoad } from './on-load';

// Not in the errors bundle: the span API (tracing bundles), logs (logs bundles), cron check-ins
// (rare in browsers; they stay importable from the npm package), the optional add-ons that
// lazyLoadIntegration fetches as files of their own (or, for the offline IndexedDB store and the
// report dialog, npm only), and requestDataIntegration, which reads the incoming request of a
// server (a page has none).
const LOGS = ['consoleLoggingIntegration', 'flushLogs', 'logger'];
const SPAN_API = [
  'continueTrace',
  'getActiveSpan',
  'getBaggage',
  'getCurrentSpan',
  'getDynamicSamplingContextFromSpan',
  'getRootSpan',
  'getSpanStatusFromHttpCode',
  'getTraceData',
  'getTraceMetaTags',
  'getTraceparent',
  'hasTracingEnabled',
  'NonRecordingSpan',
  'SEMANTIC_ATTRIBUTE_SENTRY_OP',
  'SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN',
  'SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE',
  'SEMANTIC_ATTRIBUTE_SENTRY_SOURCE',
  'SentrySpan',
  'setHttpStatus',
  'setMeasurement',
  'setTransactionName',
  'spanIsSampled',
  'spanToJSON',
  'spanToTraceHeader',
  'startInactiveSpan',
  'startNewTrace',
  'startSpan',
  'startSpanManual',
  'startTransaction',
  'suppressTracing',
  'trace',
  'updateCurrentSpan',
  'withActiveSpan',
];
const BROWSER_TRACING = [
  'browserTracingIntegration',
  'startBrowserTracingNavigationSpan',
  'startBrowserTracingPageLoadSpan',
];
const NOT_IN_ANY_BUNDLE = [
  'requestDataIntegration',
  'captureCheckIn',
  'monitor',
  'withMonitor',
  'contextLinesIntegration',
  'extraErrorDataIntegration',
  'httpClientIntegration',
  'reportingObserverIntegration',
  'rewriteFramesIntegration',
  'createIndexedDbStore',
  'makeBrowserOfflineTransport',
  'showReportDialog',
  // profiling of pages is an add-on of its own, not built yet
  'browserProfilingIntegration',
  'Profile',
  'startProfiler',
  'stopProfiler',
  // AI monitoring instruments server-side clients: npm only
  'aiTrack',
  'createVercelAiTelemetry',
  'getAiPipelineName',
  'instrumentAnthropicAiClient',
  'instrumentOpenAiClient',
  'recordTokenUsage',
  'setAiPipelineName',
];
// On `window.Sentry` only: what the CDN adds to the npm API.
const BUNDLE_ONLY = { lazyLoadIntegration, onLoad } as Record<string, unknown>;
// The tracing bundles take browserTracingIntegration and its helpers from the tracing folder.
const TRACING_ONLY = Object.fromEntries(
  BROWSER_TRACING.map((name) => [name, (tracing as Record<string, unknown>)[name]]),
);

const indexNames = Object.keys(index);

// The add-on files and what each should register.
const LAZY: Record<string, unknown> = {
  browserTracingIntegration: tracing.browserTracingIntegration,
  consoleLoggingIntegration: index.consoleLoggingIntegration,
  contextLinesIntegration: index.contextLinesIntegration,
  extraErrorDataIntegration: index.extraErrorDataIntegration,
  httpClientIntegration: index.httpClientIntegration,
  reportingObserverIntegration: index.reportingObserverIntegration,
  rewriteFramesIntegration: index.rewriteFramesIntegration,
};

function expectBundle(bundle: object, leftOut: string[], extra: Record<string, unknown>): void {
  const names = Object.keys(bundle);
  const missing = indexNames.filter((name) => !names.includes(name)).sort();
  expect(missing).toEqual(leftOut.filter((name) => indexNames.includes(name)).sort());
  for (const name of names) {
    const expected = name in extra ? extra[name] : (index as Record<string, unknown>)[name];
    expect((bundle as Record<string, unknown>)[name], name).toBe(expected);
  }
  for (const name of Object.keys(extra)) expect(names, name).toContain(name);
}

describe('the CDN bundle entries', () => {
  it('errors: the public API less the span, logs and cron APIs and the add-ons, plus lazyLoadIntegration and onLoad', () => {
    expectBundle(errorsBundle, [...NOT_IN_ANY_BUNDLE, ...SPAN_API, ...LOGS, ...BROWSER_TRACING], BUNDLE_ONLY);
  });

  it('tracing: the errors bundle plus the span API and browserTracingIntegration', () => {
    expectBundle(tracingBundle, [...NOT_IN_ANY_BUNDLE, ...LOGS], { ...BUNDLE_ONLY, ...TRACING_ONLY });
  });

  it('logs: the errors bundle plus logger, flushLogs and consoleLoggingIntegration', () => {
    expectBundle(logsBundle, [...NOT_IN_ANY_BUNDLE, ...SPAN_API, ...BROWSER_TRACING], BUNDLE_ONLY);
  });

  it('tracing + logs: both', () => {
    expectBundle(tracingLogsBundle, NOT_IN_ANY_BUNDLE, { ...BUNDLE_ONLY, ...TRACING_ONLY });
  });
});

describe('the add-on files of lazyLoadIntegration', () => {
  const global = globalThis as { Sentry?: unknown };
  afterEach(() => {
    delete global.Sentry;
  });

  it('has one file per integration, named after it, each putting that integration on window.Sentry', async () => {
    const files = readdirSync(new URL('./lazy', import.meta.url))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.slice(0, -3));
    expect(files.sort()).toEqual(
      Object.keys(LAZY)
        .map((name) => getLazyIntegrationFile(name)!.slice(0, -'.min.js'.length))
        .sort(),
    );
    for (const [name, expected] of Object.entries(LAZY)) {
      const file = getLazyIntegrationFile(name)!.slice(0, -'.min.js'.length);
      global.Sentry = { keep: 1 };
      await import(`./lazy/${file}.ts`);
      expect(global.Sentry, file).toEqual({ keep: 1, [name]: expected });
      expect(typeof expected).toBe('function');
    }
  });

  it('resolves an integration already on window.Sentry without loading anything', async () => {
    const factory = () => ({ name: 'HttpClient' });
    global.Sentry = { httpClientIntegration: factory };
    await expect(lazyLoadIntegration('httpClientIntegration')).resolves.toBe(factory);
  });

  it('rejects a name of another shape, and any name when the bundle URL is unknown', async () => {
    global.Sentry = {};
    await expect(lazyLoadIntegration('../evil')).rejects.toThrow(
      "lazyLoadIntegration('../evil'): unknown integration",
    );
    await expect(lazyLoadIntegration('httpClientIntegration')).rejects.toThrow(/the bundle URL is unknown/);
  });
});

describe('onLoad in the bundles', () => {
  it('runs the callback at once, and survives one that throws', () => {
    let ran = 0;
    onLoad(() => ran++);
    expect(ran).toBe(1);
    expect(() =>
      onLoad(() => {
        throw new Error('page bug');
      }),
    ).not.toThrow();
    expect(() => onLoad(undefined as unknown as () => void)).not.toThrow();
  });
});
