import type { AiRecordingOptions, Integration } from '@sentry-sdk/core';
import { readRecordingOptions } from '@sentry-sdk/core/internal';
import { instrumentVercelAi } from '../instrumentation';

const NAME = 'VercelAI';

/**
 * The Vercel `ai` package: turns on its telemetry, reported as `gen_ai.invoke_agent`,
 * `gen_ai.chat`, `gen_ai.execute_tool` and `gen_ai.embeddings` spans with token usage, without
 * OpenTelemetry. Prompts and completions only with `recordInputs`/`recordOutputs` (or the call's own
 * `experimental_telemetry.recordInputs`/`recordOutputs`) or `sendDefaultPii`. Installed by default;
 * patches `ai` once it loads (elsewhere, pass `experimental_telemetry: createVercelAiTelemetry()`).
 * @example Sentry.init({ integrations: [Sentry.vercelAIIntegration({ recordInputs: true, recordOutputs: true })] });
 */
export function vercelAIIntegration(options: AiRecordingOptions = {}): Integration {
  const recording = readRecordingOptions(options);
  return {
    name: NAME,
    setupOnce() {
      instrumentVercelAi(recording);
    },
  };
}
