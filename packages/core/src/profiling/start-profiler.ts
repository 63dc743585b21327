import { DEBUG_BUILD, debug } from '../lib';
import { getClient } from '../scope';
import { getProfilerControl } from './profiler-registry';

const MISSING =
  'no profiling integration is installed: add nodeProfilingIntegration() or browserProfilingIntegration() to init.';

/**
 * Starts the continuous profiler (`profileSessionSampleRate` set, `profileLifecycle: 'manual'`):
 * `profile_chunk`s are sent every 60 s until `stopProfiler()`. A no-op in an unsampled session.
 * @example Sentry.startProfiler(); await work(); Sentry.stopProfiler();
 */
export function startProfiler(): void {
  const control = getProfilerControl(getClient());
  if (control) control.startProfiler();
  else DEBUG_BUILD && debug.warn(`startProfiler: ${MISSING}`);
}

/** Stops the continuous profiler started by `startProfiler()` and sends its last chunk. */
export function stopProfiler(): void {
  const control = getProfilerControl(getClient());
  if (control) control.stopProfiler();
  else DEBUG_BUILD && debug.warn(`stopProfiler: ${MISSING}`);
}
