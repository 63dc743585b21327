import { generateTraceId } from '../lib';
import type { PropagationContext } from '../types';

const SIX_DECIMALS = 1_000_000;

/**
 * A sample rand as protocol.md §7.4 writes it: in [0, 1), six decimals, truncated so that a draw
 * such as 0.9999997 never becomes 1. Anything that is not a number in range becomes 0 or 0.999999.
 */
export function truncateSampleRand(value: number): number {
  if (!(value > 0)) return 0;
  if (value >= 1) return (SIX_DECIMALS - 1) / SIX_DECIMALS;
  return Math.floor(value * SIX_DECIMALS) / SIX_DECIMALS;
}

/** A new trace: fresh trace id and random `sampleRand`, as every new scope gets. */
export function createPropagationContext(): PropagationContext {
  return { traceId: generateTraceId(), sampleRand: truncateSampleRand(Math.random()) };
}
