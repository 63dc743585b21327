import type { AiRecordingOptions } from '@sentry-sdk/core';
import { DEBUG_BUILD, debug, instrumentAnthropicAiModule } from '@sentry-sdk/core/internal';
import { registerModuleHook } from './module-hooks';

/**
 * Instruments every `@anthropic-ai/sdk` client from the moment the module loads (`require` after
 * `init`, or `import` with `--import @sentry-sdk/node/preload`), by wrapping `messages.create`.
 */
export function instrumentAnthropicAi(options: AiRecordingOptions): () => void {
  return registerModuleHook('@anthropic-ai/sdk', (exports) => {
    if (!instrumentAnthropicAiModule(exports, options))
      DEBUG_BUILD && debug.warn('@anthropic-ai/sdk: this version of the module could not be instrumented');
  });
}
