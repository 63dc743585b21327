import { getCurrentScope } from '../scope';
import { createSpan, type CreateSpanOptions } from './create-span';
import { readStartSpanOptions } from './read-start-span-options';
import { SEMANTIC_ATTRIBUTE_SENTRY_SOURCE } from './semantic-attributes';
import type { Span, TransactionContext } from './types';

/**
 * Starts a transaction: a root span, not made active, that continues the active span's trace (or
 * the scope's) and is sent with its children when it ends. Returns a span that records nothing
 * when it is not sampled. The Python SDK's `start_transaction`.
 * @example const tx = startTransaction({ name: 'nightly import', op: 'task' }); … tx.end();
 */
export function startTransaction(context: TransactionContext): Span {
  const { scope: _ignored, ...options } = readStartSpanOptions(context, 'startTransaction');
  const spanOptions: CreateSpanOptions = { ...options, forceTransaction: true };
  let source: unknown;
  let sampled: unknown;
  try {
    ({ source, sampled } = context);
  } catch {
    // a hostile context: name and op were still read above
  }
  if (typeof source === 'string') {
    spanOptions.attributes = { ...spanOptions.attributes, [SEMANTIC_ATTRIBUTE_SENTRY_SOURCE]: source };
  }
  if (typeof sampled === 'boolean') spanOptions.sampled = sampled;
  return createSpan(spanOptions, getCurrentScope());
}
