import { callGuarded } from '../lib';
import { getClient } from '../scope';
import type { Client } from '../types';
import type { TracingOptions } from './types';

/** Child spans per transaction at most (official JS and Python default; protocol.md §6.1). */
export const DEFAULT_MAX_SPANS = 1000;

/** The client's options as tracing reads them (`{}` without a client). */
export function getTracingOptions(client: Client | undefined): TracingOptions {
  if (!client) return {};
  const options = callGuarded<unknown>('client.getOptions', () => client.getOptions(), undefined);
  return options !== null && typeof options === 'object' ? options : {};
}

/**
 * True when spans are sampled and sent: `tracesSampleRate` or `tracesSampler` is set (protocol.md
 * §6.7). Neither set is "tracing without performance": trace headers still propagate. Reads the
 * current client's options when none are given.
 */
export function hasTracingEnabled(options?: TracingOptions): boolean {
  const resolved = options ?? getTracingOptions(getClient());
  try {
    const rate = resolved.tracesSampleRate;
    return (rate !== undefined && rate !== null) || typeof resolved.tracesSampler === 'function';
  } catch {
    return false;
  }
}
