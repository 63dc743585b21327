import type { Scope } from './scope';

type ScopeCloneHook = (from: Scope, to: Scope) => void;

const hooks = new Set<ScopeCloneHook>();

/**
 * Lets another part of core keep per-scope state outside the Scope class (tracing's active span)
 * and still have forks inherit it: `hook(from, to)` runs on every `clone()`.
 */
export function addScopeCloneHook(hook: ScopeCloneHook): void {
  hooks.add(hook);
}

/** Runs the registered hooks for a fresh clone. */
export function runScopeCloneHooks(from: Scope, to: Scope): void {
  for (const hook of hooks) hook(from, to);
}
