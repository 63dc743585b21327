import { describe, expect, it } from 'vitest';
import * as bundle from './bundle';
import * as index from '../index';

// Not in the errors bundle: the span API (tracing bundle), logs (logs bundle) and cron check-ins
// (rare in browsers; they stay importable from the npm package), and the optional browser
// add-ons (about 0.5–1.5 KB gzip each; npm only until they get CDN add-on files), and
// requestDataIntegration, which reads the incoming request of a server (a page has none).
const NOT_IN_ERRORS_BUNDLE = [
  'requestDataIntegration',
  'contextLinesIntegration', 'createIndexedDbStore', 'httpClientIntegration', 'makeBrowserOfflineTransport',
  'reportingObserverIntegration', 'showReportDialog',
  'captureCheckIn', 'consoleLoggingIntegration', 'flushLogs', 'logger', 'monitor', 'withMonitor',
  'continueTrace', 'getActiveSpan', 'getBaggage', 'getCurrentSpan', 'getDynamicSamplingContextFromSpan',
  'getRootSpan', 'getSpanStatusFromHttpCode', 'getTraceData', 'getTraceparent', 'hasTracingEnabled',
  'NonRecordingSpan', 'SEMANTIC_ATTRIBUTE_SENTRY_OP', 'SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN',
  'SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE', 'SEMANTIC_ATTRIBUTE_SENTRY_SOURCE', 'SentrySpan', 'setHttpStatus',
  'setMeasurement', 'setTransactionName', 'spanIsSampled', 'spanToJSON', 'spanToTraceHeader',
  'startInactiveSpan', 'startNewTrace', 'startSpan', 'startSpanManual', 'startTransaction',
  'suppressTracing', 'trace', 'updateCurrentSpan', 'withActiveSpan',
].sort();

describe('the errors CDN bundle entry', () => {
  it('puts the public API of the package on window.Sentry, less the span, logs and cron APIs', () => {
    const bundleNames = Object.keys(bundle);
    const missing = Object.keys(index).filter((name) => !bundleNames.includes(name)).sort();
    expect(missing).toEqual(NOT_IN_ERRORS_BUNDLE.filter((name) => name in index).sort());
    for (const name of bundleNames) {
      expect((bundle as Record<string, unknown>)[name]).toBe((index as Record<string, unknown>)[name]);
    }
  });
});
