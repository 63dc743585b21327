import { DEBUG_BUILD, debug, readProperty } from '../lib';
import { getAiPipelineName, type Span, type SpanAttributes } from '../tracing';

/** Token counts of one model call; `totalTokens` is derived from input + output when missing. */
export interface TokenUsage {
  /** Prompt tokens, cached ones included. */
  inputTokens?: number | undefined;
  /** Of the input tokens, those read from the provider's prompt cache. */
  inputTokensCached?: number | undefined;
  /** Of the input tokens, those written to the provider's prompt cache. */
  inputTokensCacheWrite?: number | undefined;
  /** Completion tokens, reasoning ones included. */
  outputTokens?: number | undefined;
  /** Of the output tokens, those spent on reasoning. */
  outputTokensReasoning?: number | undefined;
  totalTokens?: number | undefined;
}

// Each count under its protocol name, and the sub-counts also under the newest convention's names
// (protocol.md §12: sending both is harmless, and readers of either find them).
const ATTRIBUTES: readonly (readonly [keyof TokenUsage, readonly string[]])[] = [
  ['inputTokens', ['gen_ai.usage.input_tokens']],
  ['inputTokensCached', ['gen_ai.usage.input_tokens.cached', 'gen_ai.usage.cache_read.input_tokens']],
  [
    'inputTokensCacheWrite',
    ['gen_ai.usage.input_tokens.cache_write', 'gen_ai.usage.cache_creation.input_tokens'],
  ],
  ['outputTokens', ['gen_ai.usage.output_tokens']],
  ['outputTokensReasoning', ['gen_ai.usage.output_tokens.reasoning', 'gen_ai.usage.reasoning.output_tokens']],
  ['totalTokens', ['gen_ai.usage.total_tokens']],
];

function toCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
}

/** The `gen_ai.usage.*` attributes of `usage`; counts that are not non-negative numbers are left out. */
export function getTokenUsageAttributes(usage: TokenUsage): SpanAttributes {
  const attributes: SpanAttributes = {};
  const counts: Partial<Record<keyof TokenUsage, number>> = {};
  for (const [field] of ATTRIBUTES) {
    const count = toCount(readProperty(usage, field));
    if (count !== undefined) counts[field] = count;
  }
  const { inputTokens, outputTokens } = counts;
  if (counts.totalTokens === undefined && inputTokens !== undefined && outputTokens !== undefined)
    counts.totalTokens = inputTokens + outputTokens;
  for (const [field, names] of ATTRIBUTES) {
    const count = counts[field];
    if (count !== undefined) for (const name of names) attributes[name] = count;
  }
  return attributes;
}

/**
 * Writes token usage on an AI span (`gen_ai.usage.*`, total derived when missing), with the current
 * AI pipeline name: what the cost views read, with the span's model.
 * @example Sentry.recordTokenUsage(span, { inputTokens: 120, outputTokens: 48 });
 */
export function recordTokenUsage(span: Span, usage: TokenUsage): void {
  if (!span || typeof readProperty(span, 'setAttributes') !== 'function') {
    DEBUG_BUILD && debug.warn('recordTokenUsage: the first argument must be a span; nothing was recorded');
    return;
  }
  const attributes = getTokenUsageAttributes(usage);
  const pipeline = getAiPipelineName();
  if (pipeline !== undefined) attributes['gen_ai.pipeline.name'] = pipeline;
  try {
    span.setAttributes(attributes);
  } catch (error) {
    DEBUG_BUILD && debug.warn('recordTokenUsage: the span refused the attributes', error);
  }
}
