import type { Integration } from '@sentry-sdk/core';
import { createProfilingIntegration, DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import { createInspectorBackend } from './create-inspector-backend';

const NAME = 'ProfilingIntegration';
/** ~101 Hz: close to 100 Hz without sampling in lock-step with work that runs every 10 ms (protocol.md §11.3). */
const DEFAULT_SAMPLE_INTERVAL_MS = 9.9;

/** Options of nodeProfilingIntegration. */
export interface NodeProfilingOptions {
  /** Time between samples, ms. Default 9.9 (about 100 Hz); V8 accepts down to about 0.1. */
  sampleIntervalMs?: number;
  /** Module names of frames are relative to this folder. Default: the working directory. */
  appRoot?: string;
  /** @internal How often continuous chunks are cut, ms (default 60 000); for tests. */
  _chunkIntervalMs?: number;
}

/**
 * Profiles with V8's CPU profiler, through `node:inspector` (no native addon): transaction
 * profiles with `profilesSampleRate`/`profilesSampler`, or continuous profiling with
 * `profileSessionSampleRate` (`startProfiler()`/`stopProfiler()`, or `profileLifecycle: 'trace'`).
 * @example init({ dsn, tracesSampleRate: 1, profilesSampleRate: 1, integrations: [nodeProfilingIntegration()] });
 */
export function nodeProfilingIntegration(options: NodeProfilingOptions = {}): Integration {
  const intervalMs = readInterval(options.sampleIntervalMs);
  return createProfilingIntegration(
    NAME,
    () =>
      createInspectorBackend({
        intervalUs: Math.round(intervalMs * 1000),
        appRoot: options.appRoot ?? readCwd(),
      }),
    {
      // transactions ending within 100 ms share one collection: a busy server collects ~10 times a second
      collector: { collectDelayMs: 100, lingerMs: 2_000, maxCollectIntervalMs: 10_000 },
      ...(typeof options._chunkIntervalMs === 'number' && { chunkIntervalMs: options._chunkIntervalMs }),
    },
  );
}

function readInterval(value: unknown): number {
  if (value === undefined) return DEFAULT_SAMPLE_INTERVAL_MS;
  if (typeof value === 'number' && value >= 0.1 && value <= 1000) return value;
  DEBUG_BUILD &&
    debug.warn(
      `nodeProfilingIntegration: sampleIntervalMs must be a number of ms from 0.1 to 1000; using ${DEFAULT_SAMPLE_INTERVAL_MS}.`,
    );
  return DEFAULT_SAMPLE_INTERVAL_MS;
}

function readCwd(): string {
  try {
    return process.cwd();
  } catch {
    return '';
  }
}
