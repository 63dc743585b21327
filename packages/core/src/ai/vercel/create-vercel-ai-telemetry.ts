import { readProperty } from '../../lib';
import { readRecordingOptions, type AiRecordingOptions } from '../recording-options';
import { createVercelAiTracer, type VercelAiTracer } from './create-vercel-ai-tracer';

/** What `createVercelAiTelemetry` accepts. */
export interface VercelAiTelemetryOptions extends AiRecordingOptions {
  /** Names the call (`ai.telemetry.functionId`): the agent name of its `gen_ai.invoke_agent` span. */
  functionId?: string;
  /** Extra attributes for the call's spans (`ai.telemetry.metadata.*`). */
  metadata?: Record<string, string | number | boolean>;
}

/** The `experimental_telemetry` settings the `ai` package's functions accept. */
export interface VercelAiTelemetrySettings {
  isEnabled: true;
  tracer: VercelAiTracer;
  functionId?: string;
  metadata?: Record<string, string | number | boolean>;
  recordInputs?: boolean;
  recordOutputs?: boolean;
}

/**
 * Settings for the `ai` package's `experimental_telemetry` that turn its telemetry into this SDK's
 * `gen_ai.*` spans (agent invocations, model calls, tool calls, embeddings, token usage), in any
 * runtime and without OpenTelemetry. Prompts and completions are recorded only with
 * `recordInputs`/`recordOutputs` or `sendDefaultPii`. In Node, `vercelAIIntegration` does this for you.
 * @example await generateText({ model, prompt, experimental_telemetry: Sentry.createVercelAiTelemetry() });
 */
export function createVercelAiTelemetry(options: VercelAiTelemetryOptions = {}): VercelAiTelemetrySettings {
  const recording = readRecordingOptions(options);
  const settings: VercelAiTelemetrySettings = { isEnabled: true, tracer: createVercelAiTracer(recording) };
  const functionId = readProperty(options, 'functionId');
  const metadata = readProperty(options, 'metadata');
  if (typeof functionId === 'string') settings.functionId = functionId;
  if (metadata !== null && typeof metadata === 'object')
    settings.metadata = metadata as Record<string, string | number | boolean>;
  // telling `ai` spares it serialising content that would be dropped anyway
  if (recording.recordInputs !== undefined) settings.recordInputs = recording.recordInputs;
  if (recording.recordOutputs !== undefined) settings.recordOutputs = recording.recordOutputs;
  return settings;
}
