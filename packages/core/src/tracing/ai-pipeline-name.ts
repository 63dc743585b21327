import { DEBUG_BUILD, debug } from '../lib';
import { addScopeCloneHook, getCurrentScope, type Scope } from '../scope';

// The AI pipeline name per scope (the Python SDK's context variable), kept beside the active span so
// that forks (withScope, startSpan, each request's isolation) inherit it and concurrent pipelines,
// each in its own fork, never see each other's name.
const pipelineNames = new WeakMap<Scope, string>();

let bridged = false;

function copyPipelineName(from: Scope, to: Scope): void {
  const name = pipelineNames.get(from);
  if (name !== undefined) pipelineNames.set(to, name);
}

/** @internal Sets (or with `undefined` clears) the pipeline name of `scope`. */
export function _setAiPipelineNameForScope(scope: Scope, name: string | undefined): void {
  if (!bridged) {
    bridged = true;
    addScopeCloneHook(copyPipelineName);
  }
  if (name === undefined) pipelineNames.delete(scope);
  else pipelineNames.set(scope, name);
}

/**
 * Names the AI pipeline (workflow) the current scope runs: AI spans started in it record
 * `gen_ai.pipeline.name`. `aiTrack` sets it for its outermost call.
 * @example Sentry.withScope(() => { Sentry.setAiPipelineName('support-bot'); return answer(question); });
 */
export function setAiPipelineName(name: string | undefined): void {
  if (name !== undefined && typeof name !== 'string') {
    DEBUG_BUILD && debug.warn('setAiPipelineName: the name must be a string; ignored');
    return;
  }
  _setAiPipelineNameForScope(getCurrentScope(), name || undefined);
}

/** The AI pipeline name of the current scope, if one is set. */
export function getAiPipelineName(): string | undefined {
  return pipelineNames.get(getCurrentScope());
}
