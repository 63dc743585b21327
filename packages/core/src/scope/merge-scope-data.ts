import type { ScopeData } from '../types';
import { getGlobalScope } from './current-scopes';
import type { Scope } from './scope';

/**
 * Merges `source` into `target`, `source` winning: keys of tags, extra, contexts, user and
 * sdkProcessingMetadata are merged; breadcrumbs, attachments and event processors are appended;
 * level, fingerprint and transaction name are taken when `source` sets them; the propagation
 * context is always `source`'s. `target`'s containers are replaced, never mutated.
 */
export function mergeScopeData(target: ScopeData, source: ScopeData): void {
  // Field by field, not looped over key lists: this runs for every event and transaction, and
  // property access by a variable key is several times slower.
  target.tags = mergeRecords(target.tags, source.tags);
  target.extra = mergeRecords(target.extra, source.extra);
  target.contexts = mergeRecords(target.contexts, source.contexts);
  target.user = mergeRecords(target.user, source.user);
  target.sdkProcessingMetadata = mergeRecords(target.sdkProcessingMetadata, source.sdkProcessingMetadata);

  target.breadcrumbs = concat(target.breadcrumbs, source.breadcrumbs);
  target.attachments = concat(target.attachments, source.attachments);
  target.eventProcessors = concat(target.eventProcessors, source.eventProcessors);

  if (source.level) target.level = source.level;
  if (source.fingerprint.length) target.fingerprint = source.fingerprint.slice();
  if (source.transactionName) {
    target.transactionName = source.transactionName;
    target.transactionSource = source.transactionSource;
  }
  target.propagationContext = { ...source.propagationContext };
}

/** The data an event gets from its scopes, merged global → isolation → current (later wins). */
export function getCombinedScopeData(isolationScope: Scope, currentScope: Scope): ScopeData {
  const data = getGlobalScope().getScopeData();
  if (isolationScope) mergeScopeData(data, isolationScope.getScopeData());
  if (currentScope) mergeScopeData(data, currentScope.getScopeData());
  return data;
}

function mergeRecords<T extends object>(target: T, source: T): T {
  return Object.keys(source).length ? { ...target, ...source } : target;
}

function concat<T>(target: T[], source: T[]): T[] {
  return source.length ? [...target, ...source] : target;
}
