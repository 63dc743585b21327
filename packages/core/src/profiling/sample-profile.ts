import { callGuarded, DEBUG_BUILD, debug, readProperty } from '../lib';
import { spanToJSON, type Span } from '../tracing';
import type { ProfileLifecycle, ProfilingOptions } from './types';

/** How a client profiles: per transaction (v1 profiles), continuously (v2 chunks), or not at all. */
export type ProfilingMode =
  | { kind: 'transaction' }
  | { kind: 'continuous'; lifecycle: ProfileLifecycle; sampled: boolean }
  | { kind: 'off' };

/** The client's profiling options as profiling reads them (`{}` when they cannot be read). */
export function readProfilingOptions(options: unknown): ProfilingOptions {
  const read = (key: keyof ProfilingOptions): unknown => readProperty(options, key);
  return {
    profilesSampleRate: read('profilesSampleRate') as number | undefined,
    profilesSampler: read('profilesSampler') as ProfilingOptions['profilesSampler'],
    profileSessionSampleRate: read('profileSessionSampleRate') as number | undefined,
    profileLifecycle: read('profileLifecycle') as ProfileLifecycle | undefined,
  };
}

/**
 * The mode the options ask for (protocol.md §11.2): `profileSessionSampleRate` makes profiling
 * continuous, decided once here for the whole process or page; else `profilesSampleRate` or
 * `profilesSampler` profile sampled transactions. Continuous wins when both are set.
 */
export function getProfilingMode(
  options: ProfilingOptions,
  random: () => number = Math.random,
): ProfilingMode {
  const sessionRate = options.profileSessionSampleRate;
  const perTransaction =
    options.profilesSampleRate !== undefined || typeof options.profilesSampler === 'function';
  if (typeof sessionRate === 'number') {
    if (perTransaction)
      DEBUG_BUILD &&
        debug.warn(
          'profileSessionSampleRate is set, so profiling is continuous: profilesSampleRate and profilesSampler are ignored.',
        );
    const lifecycle = options.profileLifecycle === 'trace' ? 'trace' : 'manual';
    const sampled = random() < sessionRate;
    if (!sampled)
      DEBUG_BUILD &&
        debug.log(`This profiling session is not sampled (profileSessionSampleRate = ${sessionRate}).`);
    return { kind: 'continuous', lifecycle, sampled };
  }
  return perTransaction ? { kind: 'transaction' } : { kind: 'off' };
}

/**
 * Decides whether a sampled transaction is profiled: `profilesSampler` when set (a rate or a
 * boolean; a throw or an invalid answer profiles nothing), else `profilesSampleRate`.
 */
export function sampleTransactionProfile(
  options: ProfilingOptions,
  root: Span,
  random: () => number = Math.random,
): boolean {
  const sampler = options.profilesSampler;
  let rate: unknown = options.profilesSampleRate;
  let what = 'profilesSampleRate';
  if (typeof sampler === 'function') {
    what = 'profilesSampler';
    const { description, data } = spanToJSON(root);
    rate = callGuarded(
      'profilesSampler',
      () => sampler({ name: description ?? '', attributes: { ...data } }),
      undefined,
    );
  }
  const value = typeof rate === 'boolean' ? Number(rate) : rate;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    DEBUG_BUILD &&
      debug.warn(`${what} gave ${String(rate)}, not a number between 0 and 1 or a boolean; no profile`);
    return false;
  }
  return random() < value;
}
