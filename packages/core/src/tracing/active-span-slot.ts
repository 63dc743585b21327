import { addScopeCloneHook, type Scope } from '../scope';
import type { DynamicSamplingContext, Span } from './types';

// Tracing state per scope, kept here rather than as Scope properties so that scope/ knows nothing
// of spans. A forked scope (withScope, withIsolationScope) inherits both.
const activeSpans = new WeakMap<Scope, Span>();
const suppressedScopes = new WeakSet<Scope>();

/**
 * What the error path (an event's trace context and DSC) reads from an active span. They come
 * with the span, from `_setSpanForScope`, so that a bundle that never makes a span active (the
 * errors CDN bundle) carries none of the span code.
 */
export interface ActiveSpanReaders {
  /** `contexts.trace` of an error captured while the span is active. */
  traceContext(span: Span): Record<string, unknown>;
  /** The DSC of the span's trace; frozen first when `freeze` (see `freezeDynamicSamplingContext`). */
  dsc(span: Span, freeze: boolean): DynamicSamplingContext;
}

/** The readers of active spans; set whenever a span was made active. */
export let activeSpanReaders: ActiveSpanReaders | undefined;

/** @internal Stores `span` as the active span of `scope` (`undefined` clears it), with its readers. */
export function storeSpanForScope(scope: Scope, span: Span | undefined, spanReaders: ActiveSpanReaders): void {
  bridgeScopeClone();
  activeSpanReaders = spanReaders;
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
