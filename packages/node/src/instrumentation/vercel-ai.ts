import type { AiRecordingOptions } from '@sentry-sdk/core';
import { DEBUG_BUILD, debug, VERCEL_AI_FUNCTIONS, wrapVercelAiFunction } from '@sentry-sdk/core/internal';
import { registerModuleHook, type ModuleDetails } from './module-hooks';

/** Wraps the functions on an ES module namespace in place (`import-in-the-middle` makes it writable). */
function patchNamespace(namespace: Record<string, unknown>, options: AiRecordingOptions): void {
  for (const name of VERCEL_AI_FUNCTIONS) {
    if (typeof namespace[name] === 'function')
      namespace[name] = wrapVercelAiFunction(namespace[name], options);
  }
}

/**
 * The CommonJS exports with the functions wrapped: a copy, since bundlers define CommonJS exports
 * as getters that cannot be reassigned. `require` returns the copy from then on.
 */
function patchedCopy(exports: Record<string, unknown>, options: AiRecordingOptions): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(exports)) copy[key] = exports[key];
  Object.defineProperty(copy, '__esModule', { value: true });
  patchNamespace(copy, options);
  return copy;
}

function instrumentVercelAiModule(
  exports: unknown,
  details: ModuleDetails,
  options: AiRecordingOptions,
): unknown {
  if (
    exports === null ||
    typeof exports !== 'object' ||
    typeof (exports as Record<string, unknown>)['generateText'] !== 'function'
  ) {
    DEBUG_BUILD && debug.warn('ai: this version of the module could not be instrumented');
    return undefined;
  }
  const target = exports as Record<string, unknown>;
  if (details.format === 'esm') {
    patchNamespace(target, options);
    return undefined;
  }
  return patchedCopy(target, options);
}

/**
 * Turns on the `ai` package's telemetry for every `generateText`, `streamText`, `generateObject`,
 * `streamObject`, `embed`, `embedMany` and `rerank` call, reported to this SDK (calls that turn
 * telemetry off or pass their own tracer are left alone), from the moment the module loads.
 */
export function instrumentVercelAi(options: AiRecordingOptions): () => void {
  return registerModuleHook('ai', (exports, details) => instrumentVercelAiModule(exports, details, options));
}
