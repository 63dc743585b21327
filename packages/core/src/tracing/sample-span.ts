import { callSyncHook, DEBUG_BUILD, debug } from '../lib';
import type { SamplingContext, SpanAttributes, TracingOptions } from './types';

/** A root span's sampling decision and the rate that made it. */
export interface SamplingDecision {
  sampled: boolean;
  /** `undefined` when the rate was invalid. */
  sampleRate: number | undefined;
}

/** What the decision for a root span depends on. */
export interface SamplingInput {
  name: string;
  attributes: SpanAttributes;
  parentSampled: boolean | undefined;
  parentSampleRate: number | undefined;
}

/**
 * Decides whether a root span is sampled (protocol.md §6.7): `tracesSampler` if set, else the
 * parent's decision, else `tracesSampleRate`. Sampled iff `sampleRand < rate`, with the trace's
 * propagated `sampleRand` so every service of a trace agrees. Invalid rates sample nothing.
 */
export function sampleSpan(
  options: TracingOptions,
  input: SamplingInput,
  sampleRand: number,
): SamplingDecision {
  const { parentSampled, parentSampleRate } = input;
  let rate: unknown;
  let what: string;
  const sampler = options.tracesSampler;
  if (typeof sampler === 'function') {
    what = 'tracesSampler';
    rate = callSyncHook('tracesSampler', () => sampler(createSamplingContext(input)), undefined);
  } else if (parentSampled !== undefined) {
    // inherit: the parent's rate when it sent one, else a rate that agrees with its decision
    return { sampled: parentSampled, sampleRate: parentSampleRate ?? (parentSampled ? 1 : 0) };
  } else {
    what = 'tracesSampleRate';
    rate = options.tracesSampleRate;
  }
  const sampleRate = toSampleRate(rate);
  if (sampleRate === undefined) {
    DEBUG_BUILD &&
      debug.warn(
        `${what} gave ${String(rate)}, not a number between 0 and 1 or a boolean; the span is not sampled`,
      );
    return { sampled: false, sampleRate: undefined };
  }
  const sampled = sampleRand < sampleRate;
  if (!sampled) DEBUG_BUILD && debug.log(`"${input.name}" is not sampled (${what} = ${sampleRate})`);
  return { sampled, sampleRate };
}

/** A rate in [0, 1] (booleans become 1 or 0), or `undefined` when the value is not one. */
export function toSampleRate(value: unknown): number | undefined {
  if (typeof value === 'boolean') return Number(value);
  return typeof value === 'number' && value >= 0 && value <= 1 ? value : undefined;
}

function createSamplingContext(input: SamplingInput): SamplingContext {
  const { parentSampled, parentSampleRate } = input;
  return {
    ...input,
    attributes: { ...input.attributes },
    inheritOrSampleWith: (fallbackRate: number): number => {
      if (parentSampleRate !== undefined) return parentSampleRate;
      if (parentSampled !== undefined) return Number(parentSampled);
      return fallbackRate;
    },
  };
}
