import { copyArray, readProperty } from '../lib';
import type { SpanAttributes } from '../tracing';
import type { AiCallDescription } from './ai-method-spec';
import {
  toContentJson,
  toGenAiMessages,
  toMessagesJson,
  toToolDefinitions,
  type GenAiMessage,
  type MessagePart,
} from './gen-ai-content';
import { getTokenUsageAttributes, type TokenUsage } from './record-token-usage';

/** A string property, if it is one. */
export function readString(value: unknown, key: string): string | undefined {
  const item = readProperty(value, key);
  return typeof item === 'string' ? item : undefined;
}

/** A number property, if it is a finite number. */
export function readNumber(value: unknown, key: string): number | undefined {
  const item = readProperty(value, key);
  return typeof item === 'number' && Number.isFinite(item) ? item : undefined;
}

/** The request parameters every chat API names alike, with their `gen_ai.request.*` names. */
export const CHAT_REQUEST_PARAMETERS: Readonly<Record<string, string>> = {
  temperature: 'gen_ai.request.temperature',
  top_p: 'gen_ai.request.top_p',
  max_tokens: 'gen_ai.request.max_tokens',
  stream: 'gen_ai.request.stream',
};

/** Copies the numeric (and boolean) request parameters `names` maps to their `gen_ai.request.*` names. */
export function readRequestParameters(
  params: unknown,
  names: Readonly<Record<string, string>>,
): SpanAttributes {
  const attributes: SpanAttributes = {};
  for (const [param, attribute] of Object.entries(names)) {
    const value = readProperty(params, param);
    if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')
      attributes[attribute] ??= value;
  }
  return attributes;
}

/**
 * The prompt attributes of a call: `gen_ai.input.messages`, `gen_ai.system_instructions` (system
 * messages, plus `system` given apart) and `gen_ai.tool.definitions`. Only call this when inputs may be recorded.
 */
export function getInputAttributes(messages: unknown, system?: unknown, tools?: unknown): SpanAttributes {
  const attributes: SpanAttributes = {};
  const converted = toGenAiMessages(messages);
  const instructions: MessagePart[] = [
    ...toGenAiMessages(system === undefined ? [] : [{ role: 'system', content: system }]).system,
    ...converted.system,
  ];
  if (converted.messages.length) attributes['gen_ai.input.messages'] = toMessagesJson(converted.messages);
  if (instructions.length) attributes['gen_ai.system_instructions'] = toContentJson(instructions);
  const definitions = toToolDefinitions(tools);
  if (definitions !== undefined) attributes['gen_ai.tool.definitions'] = definitions;
  return attributes;
}

/** `gen_ai.output.messages` of the assistant messages a call answered with. */
export function getOutputAttributes(messages: GenAiMessage[]): SpanAttributes {
  return messages.length ? { 'gen_ai.output.messages': toMessagesJson(messages) } : {};
}

/** `gen_ai.response.id`, `.model` and `.finish_reasons`, for the values that are present. */
export function getResponseAttributes(
  id: unknown,
  model: unknown,
  finishReasons: readonly unknown[] = [],
): SpanAttributes {
  const attributes: SpanAttributes = {};
  if (typeof id === 'string') attributes['gen_ai.response.id'] = id;
  if (typeof model === 'string') attributes['gen_ai.response.model'] = model;
  const reasons = finishReasons.filter((reason): reason is string => typeof reason === 'string');
  if (reasons.length) attributes['gen_ai.response.finish_reasons'] = reasons;
  return attributes;
}

/**
 * The usage attributes of an OpenAI-style `usage` object: chat (`prompt_tokens`, `completion_tokens`,
 * `*_tokens_details`), responses and embeddings (`input_tokens`, `output_tokens`, …).
 */
export function getOpenAiStyleUsageAttributes(usage: unknown): SpanAttributes {
  if (usage === null || typeof usage !== 'object') return {};
  const inputDetails =
    readProperty(usage, 'prompt_tokens_details') ?? readProperty(usage, 'input_tokens_details');
  const outputDetails =
    readProperty(usage, 'completion_tokens_details') ?? readProperty(usage, 'output_tokens_details');
  const tokens: TokenUsage = {
    inputTokens: readNumber(usage, 'prompt_tokens') ?? readNumber(usage, 'input_tokens'),
    inputTokensCached: readNumber(inputDetails, 'cached_tokens'),
    outputTokens: readNumber(usage, 'completion_tokens') ?? readNumber(usage, 'output_tokens'),
    outputTokensReasoning: readNumber(outputDetails, 'reasoning_tokens'),
    totalTokens: readNumber(usage, 'total_tokens'),
  };
  return getTokenUsageAttributes(tokens);
}

/** The list at `key`, copied (empty when it is not an array). */
export function readList(value: unknown, key: string): unknown[] {
  return copyArray(readProperty(value, key));
}

/** A chat call: `gen_ai.chat` on the request's `model`, streamed when `stream: true`. */
export function describeChatCall(params: unknown, attributes: SpanAttributes): AiCallDescription {
  return {
    operation: 'chat',
    model: readString(params, 'model'),
    streaming: readProperty(params, 'stream') === true,
    attributes,
  };
}
