import { DEBUG_BUILD, debug } from '../lib';
import { getCurrentScope, getIsolationScope } from '../scope';
import type { TransactionSource } from '../types';
import { getActiveSpan } from './active-span';
import { SEMANTIC_ATTRIBUTE_SENTRY_OP, SEMANTIC_ATTRIBUTE_SENTRY_SOURCE } from './semantic-attributes';
import { SentrySpan } from './sentry-span';
import { getRootSpan } from './span-segment';
import type { SpanAttributes } from './types';

/**
 * Records a measurement (protocol.md §6.6) on the active span's transaction, e.g.
 * `setMeasurement('memory.used', 1024, 'byte')`. The unit defaults to `''` (none).
 */
export function setMeasurement(name: string, value: number, unit = ''): void {
  const span = getActiveSpan();
  const root = span && getRootSpan(span);
  if (root instanceof SentrySpan) root.setMeasurement(name, value, unit);
  else
    DEBUG_BUILD &&
      debug.log(`setMeasurement: no sampled span is active; "${typeof name === 'string' ? name : typeof name}" not recorded`);
}

/**
 * Names the current transaction: on the isolation and current scopes (for errors) and on the
 * active root span, with `source` (default `custom`) as its `transaction_info.source`.
 */
export function setTransactionName(name: string, source: TransactionSource = 'custom'): void {
  if (typeof name !== 'string' || !name) {
    DEBUG_BUILD && debug.warn('setTransactionName: the name must be a non-empty string; ignored');
    return;
  }
  getIsolationScope().setTransactionName(name, source);
  getCurrentScope().setTransactionName(name, source);
  const span = getActiveSpan();
  if (!span) return;
  const root = getRootSpan(span);
  root.updateName(name);
  root.setAttribute(SEMANTIC_ATTRIBUTE_SENTRY_SOURCE, source);
}

/** Changes the active span's op, name and attributes (the Python SDK's `update_current_span`). */
export function updateCurrentSpan(update: { op?: string; name?: string; attributes?: SpanAttributes }): void {
  const span = getActiveSpan();
  if (!span || update === null || typeof update !== 'object') return;
  try {
    const { op, name, attributes } = update;
    if (typeof op === 'string') span.setAttribute(SEMANTIC_ATTRIBUTE_SENTRY_OP, op);
    if (typeof name === 'string') span.updateName(name);
    if (attributes !== null && typeof attributes === 'object') span.setAttributes(attributes);
  } catch {
    DEBUG_BUILD && debug.warn('updateCurrentSpan: the update could not be read; ignored');
  }
}
