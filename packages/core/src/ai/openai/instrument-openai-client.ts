import { readProperty } from '../../lib';
import { instrumentClientClass, instrumentClientInstance, type AiClientTarget } from '../instrument-client';
import { readRecordingOptions, type AiRecordingOptions } from '../recording-options';
import { OPENAI_CHAT_SPEC } from './openai-chat';
import { OPENAI_EMBEDDINGS_SPEC } from './openai-embeddings';
import { OPENAI_RESPONSES_SPEC } from './openai-responses';

// The helpers (`chat.completions.parse`/`stream`/`runTools`, `responses.stream`) call these too.
const TARGETS: readonly AiClientTarget[] = [
  {
    path: ['chat', 'completions'],
    classPath: ['Chat', 'Completions'],
    method: 'create',
    spec: OPENAI_CHAT_SPEC,
  },
  { path: ['responses'], classPath: ['Responses'], method: 'create', spec: OPENAI_RESPONSES_SPEC },
  { path: ['embeddings'], classPath: ['Embeddings'], method: 'create', spec: OPENAI_EMBEDDINGS_SPEC },
];

/**
 * Instruments an `openai` client in place and returns it: chat completions, responses and
 * embeddings calls (streamed or not) become `gen_ai.*` spans with the model, request parameters,
 * response id and model, finish reasons and token usage; API errors are captured linked to the span.
 * Prompts and completions are recorded only with `recordInputs`/`recordOutputs` or `sendDefaultPii`.
 * @example const openai = Sentry.instrumentOpenAiClient(new OpenAI());
 */
export function instrumentOpenAiClient<T>(client: T, options?: AiRecordingOptions): T {
  return instrumentClientInstance(client, TARGETS, options, 'instrumentOpenAiClient');
}

/**
 * Instruments every client of a loaded `openai` module (its `OpenAI` class's resources, which
 * `AzureOpenAI` shares): for module hooks. Returns false when the module is not one this SDK knows.
 */
export function instrumentOpenAiModule(exports: unknown, options?: AiRecordingOptions): boolean {
  const clientClass = readProperty(exports, 'OpenAI') ?? readProperty(exports, 'default');
  return instrumentClientClass(clientClass, TARGETS, readRecordingOptions(options));
}
