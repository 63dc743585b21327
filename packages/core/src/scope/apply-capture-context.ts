import { callGuarded, callSyncHook, copyArray, forEachOwnEntry, hasOwnEntries, readProperty } from '../lib';
import type { Context, PropagationContext, SeverityLevel, User } from '../types';
import { isScopeLike, type ScopeLike } from './is-scope-like';
import type { Scope, TagValue } from './scope';

/**
 * `scope.update(captureContext)`: merges a scope (of this or another SDK copy), a plain
 * `ScopeContext`, or the scope a callback returns. Tags, extra and contexts are merged key by key;
 * user, level, fingerprint and propagation context replace this scope's when given. Never throws.
 */
export function applyCaptureContext(scope: Scope, captureContext: unknown): void {
  let context = captureContext;
  if (typeof captureContext === 'function') {
    const update = captureContext as (scope: Scope) => unknown;
    context = callSyncHook('the scope update callback', () => update(scope), undefined);
    if (context === scope || !isScopeLike(context)) return;
  }
  if (context === null || typeof context !== 'object') return;

  const fromScope = isScopeLike(context);
  const data: unknown = fromScope
    ? callGuarded('getScopeData() of the scope passed to update', () => (context as ScopeLike).getScopeData(), undefined)
    : context;
  if (data === null || typeof data !== 'object') return;

  scope.setTags(readProperty(data, 'tags') as Record<string, TagValue>);
  scope.setExtras(readProperty(data, 'extra') as Record<string, unknown>);
  forEachOwnEntry(readProperty(data, 'contexts'), (name, value) =>
    scope.setContext(name, value as Context | null),
  );

  const user = readProperty(data, 'user');
  if (hasOwnEntries(user)) scope.setUser(user as User);
  const level = readProperty(data, 'level');
  if (level !== undefined) scope.setLevel(level as SeverityLevel);
  const fingerprint = readProperty(data, 'fingerprint');
  // copyArray: an array that cannot be read (a revoked Proxy) counts as empty
  if (copyArray(fingerprint).length) scope.setFingerprint(fingerprint as string[]);

  const propagationContext = readProperty(data, 'propagationContext');
  if (propagationContext) scope.setPropagationContext(propagationContext as PropagationContext);
}
