import type { AiRecordingOptions, Integration } from '@sentry-sdk/core';
import { readRecordingOptions } from '@sentry-sdk/core/internal';
import { instrumentAnthropicAi } from '../instrumentation';

const NAME = 'Anthropic_AI';

/**
 * `@anthropic-ai/sdk`: a `gen_ai.chat` span per `messages.create` (streamed or not, with tool use)
 * with the model, request parameters, stop reason and token usage; API errors captured linked to
 * the span. Prompts and completions only with `recordInputs`/`recordOutputs` or `sendDefaultPii`.
 * Installed by default; patches the module once it loads (else use `instrumentAnthropicAiClient`).
 * @example Sentry.init({ integrations: [Sentry.anthropicAIIntegration({ recordOutputs: true })] });
 */
export function anthropicAIIntegration(options: AiRecordingOptions = {}): Integration {
  const recording = readRecordingOptions(options);
  return {
    name: NAME,
    setupOnce() {
      instrumentAnthropicAi(recording);
    },
  };
}
