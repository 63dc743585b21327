import type { Integration } from '@sentry-sdk/core';
import { createProfilingIntegration, DEBUG_BUILD, debug, readProperty } from '@sentry-sdk/core/internal';
import { createJsSelfProfilingBackend } from './create-js-self-profiling-backend';

const NAME = 'BrowserProfiling';
/** 10 ms is the practical minimum of the API (protocol.md §11.3). */
const DEFAULT_SAMPLE_INTERVAL_MS = 10;
/** 30 s of samples at 10 ms, the longest profile Relay accepts. */
const DEFAULT_MAX_BUFFER_SIZE = 3000;

/** Options of browserProfilingIntegration. */
export interface BrowserProfilingOptions {
  /** Time between samples, ms. Default 10. */
  sampleIntervalMs?: number;
  /** Samples kept per profiler at most. Default 3000 (30 s at 10 ms). */
  maxBufferSize?: number;
}

/**
 * Profiles sampled transactions (page loads and navigations from browserTracingIntegration, or
 * your own) with the JS Self-Profiling API, as `profilesSampleRate`/`profilesSampler` decide; with
 * `profileSessionSampleRate`, profiles continuously instead. Chromium only, and only on pages
 * served with the response header `Document-Policy: js-profiling`; elsewhere it says so in a debug
 * message and does nothing.
 * @example init({ dsn, tracesSampleRate: 1, profilesSampleRate: 1, integrations: [browserTracingIntegration(), browserProfilingIntegration()] });
 */
export function browserProfilingIntegration(options: BrowserProfilingOptions = {}): Integration {
  // read guarded: `null`, a Proxy or a throwing getter must not throw into the app
  const sampleInterval = readPositive(
    readProperty(options, 'sampleIntervalMs'),
    'sampleIntervalMs',
    DEFAULT_SAMPLE_INTERVAL_MS,
  );
  const maxBufferSize = Math.floor(
    readPositive(readProperty(options, 'maxBufferSize'), 'maxBufferSize', DEFAULT_MAX_BUFFER_SIZE),
  );
  return createProfilingIntegration(
    NAME,
    () => createJsSelfProfilingBackend({ sampleInterval, maxBufferSize }),
    {
      // one profiler per page at a time: collect as soon as a transaction ends, stop when none runs
      collector: { collectDelayMs: 0, lingerMs: 0, maxCollectIntervalMs: sampleInterval * maxBufferSize },
    },
  );
}

function readPositive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && value > 0 && Number.isFinite(value)) return value;
  DEBUG_BUILD &&
    debug.warn(`browserProfilingIntegration: ${name} must be a positive number; using ${fallback}.`);
  return fallback;
}
