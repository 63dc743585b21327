import type { AiRecordingOptions } from '@sentry-sdk/core';
import { DEBUG_BUILD, debug, instrumentOpenAiModule } from '@sentry-sdk/core/internal';
import { registerModuleHook } from './module-hooks';

/**
 * Instruments every `openai` client from the moment the module loads (`require` after `init`, or
 * `import` with `--import @sentry-sdk/node/preload`), by wrapping its resources' `create` methods.
 */
export function instrumentOpenAi(options: AiRecordingOptions): () => void {
  return registerModuleHook('openai', (exports) => {
    if (!instrumentOpenAiModule(exports, options))
      DEBUG_BUILD && debug.warn('openai: this version of the module could not be instrumented');
  });
}
