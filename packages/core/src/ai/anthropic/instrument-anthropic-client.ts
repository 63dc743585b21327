import { readProperty } from '../../lib';
import { instrumentClientClass, instrumentClientInstance, type AiClientTarget } from '../instrument-client';
import { readRecordingOptions, type AiRecordingOptions } from '../recording-options';
import { ANTHROPIC_MESSAGES_SPEC } from './anthropic-messages';

// `messages.stream()` and `messages.parse()` call `messages.create` too.
const TARGETS: readonly AiClientTarget[] = [
  { path: ['messages'], classPath: ['Messages'], method: 'create', spec: ANTHROPIC_MESSAGES_SPEC },
  {
    path: ['beta', 'messages'],
    classPath: ['Beta', 'Messages'],
    method: 'create',
    spec: ANTHROPIC_MESSAGES_SPEC,
  },
];

/**
 * Instruments an `@anthropic-ai/sdk` client in place and returns it: `messages.create` calls
 * (streamed or not, with tool use) become `gen_ai.chat` spans with the model, request parameters,
 * response id and model, stop reason and token usage; API errors are captured linked to the span.
 * Prompts and completions are recorded only with `recordInputs`/`recordOutputs` or `sendDefaultPii`.
 * @example const anthropic = Sentry.instrumentAnthropicAiClient(new Anthropic());
 */
export function instrumentAnthropicAiClient<T>(client: T, options?: AiRecordingOptions): T {
  return instrumentClientInstance(client, TARGETS, options, 'instrumentAnthropicAiClient');
}

/** Instruments every client of a loaded `@anthropic-ai/sdk` module (its `Anthropic` class's resources): for module hooks. */
export function instrumentAnthropicAiModule(exports: unknown, options?: AiRecordingOptions): boolean {
  const clientClass = readProperty(exports, 'Anthropic') ?? readProperty(exports, 'default');
  return instrumentClientClass(clientClass, TARGETS, readRecordingOptions(options));
}
