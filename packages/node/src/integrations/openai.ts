import type { AiRecordingOptions, Integration } from '@sentry-sdk/core';
import { readRecordingOptions } from '@sentry-sdk/core/internal';
import { instrumentOpenAi } from '../instrumentation';

const NAME = 'OpenAI';

/**
 * `openai`: a `gen_ai.*` span per chat completion, response and embeddings call (streamed or not)
 * with the model, request parameters, finish reasons and token usage; API errors captured linked to
 * the span. Prompts and completions only with `recordInputs`/`recordOutputs` or `sendDefaultPii`.
 * Installed by default; patches `openai` once it loads (for a client made elsewhere, use `instrumentOpenAiClient`).
 * @example Sentry.init({ integrations: [Sentry.openAIIntegration({ recordInputs: true })] });
 */
export function openAIIntegration(options: AiRecordingOptions = {}): Integration {
  const recording = readRecordingOptions(options);
  return {
    name: NAME,
    setupOnce() {
      instrumentOpenAi(recording);
    },
  };
}
