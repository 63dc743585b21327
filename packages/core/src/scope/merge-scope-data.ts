import type { ScopeData } from '../types';
import { getGlobalScope } from './current-scopes';
import type { Scope } from './scope';

const MERGED_RECORDS = ['tags', 'extra', 'contexts', 'user', 'sdkProcessingMetadata'] as const;
const APPENDED_LISTS = ['breadcrumbs', 'attachments', 'eventProcessors'] as const;

/**
 * Merges `source` into `target`, `source` winning: keys of tags, extra, contexts, user and
 * sdkProcessingMetadata are merged; breadcrumbs, attachments and event processors are appended;
 * level, fingerprint and transaction name are taken when `source` sets them; the propagation
 * context is always `source`'s. `target`'s containers are replaced, never mutated.
 */
export function mergeScopeData(target: ScopeData, source: ScopeData): void {
  const into = target as unknown as Record<string, unknown>;
  for (const key of MERGED_RECORDS) {
    if (Object.keys(source[key]).length) into[key] = { ...target[key], ...source[key] };
  }
  for (const key of APPENDED_LISTS) {
    if (source[key].length) into[key] = [...target[key], ...source[key]];
  }

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
