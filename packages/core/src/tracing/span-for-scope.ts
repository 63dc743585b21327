import { addScopeCloneHook, type Scope } from '../scope';
import type { Span } from './types';

// Tracing state per scope, kept here rather than as Scope properties so that scope/ knows nothing
// of spans. A forked scope (withScope, withIsolationScope) inherits both.
const activeSpans = new WeakMap<Scope, Span>();
const suppressedScopes = new WeakSet<Scope>();

/** @internal Makes `span` the active span of `scope` (`undefined` clears it). */
export function _setSpanForScope(scope: Scope, span: Span | undefined): void {
  bridgeScopeClone();
  if (span) activeSpans.set(scope, span);
  else activeSpans.delete(scope);
}

/** @internal The active span of `scope`, if any. */
export function _getSpanForScope(scope: Scope): Span | undefined {
  return activeSpans.get(scope);
}

/** @internal Marks `scope` as one where no spans are recorded and no trace headers are added. */
export function _setTracingSuppressed(scope: Scope, suppressed: boolean): void {
  bridgeScopeClone();
  if (suppressed) suppressedScopes.add(scope);
  else suppressedScopes.delete(scope);
}

/** True inside `suppressTracing` (runtime packages check it before adding spans or headers). */
export function isTracingSuppressed(scope: Scope): boolean {
  return suppressedScopes.has(scope);
}

/** @internal Gives `to` the tracing state of `from`; runs on every `Scope.clone()`. */
export function _copySpanForScope(from: Scope, to: Scope): void {
  const span = activeSpans.get(from);
  if (span) activeSpans.set(to, span);
  if (suppressedScopes.has(from)) suppressedScopes.add(to);
}

let bridged = false;

// Registered on first use rather than at module load, so importing tracing has no side effects.
function bridgeScopeClone(): void {
  if (bridged) return;
  bridged = true;
  addScopeCloneHook(_copySpanForScope);
}
