import { copyArray, readProperty } from '../../lib';
import type { SpanAttributes } from '../../tracing';
import { getInputAttributes, getOutputAttributes } from '../gen-ai-attributes';
import { MAX_MESSAGES_LENGTH, toContentJson, type MessagePart } from '../gen-ai-content';
import { getTokenUsageAttributes, type TokenUsage } from '../record-token-usage';
import type { ContentRecording } from '../recording-options';
import type { VercelAiSpanKind } from './vercel-ai-span-kind';

// Content the `ai` package records, always dropped here: vectors, rankings, provider metadata
// (large, and not what the AI views show) and request headers (they may carry credentials).
const ALWAYS_DROPPED = new Set([
  'ai.embedding',
  'ai.embeddings',
  'ai.ranking',
  'ai.documents',
  'ai.schema',
  'ai.prompt.toolChoice',
  'ai.response.providerMetadata',
  'ai.response.reasoning',
]);

const USAGE_FIELDS: Readonly<Record<string, keyof TokenUsage>> = {
  'ai.usage.inputTokens': 'inputTokens',
  'ai.usage.promptTokens': 'inputTokens',
  'ai.usage.tokens': 'inputTokens',
  'ai.usage.outputTokens': 'outputTokens',
  'ai.usage.completionTokens': 'outputTokens',
  'ai.usage.totalTokens': 'totalTokens',
  'ai.usage.cachedInputTokens': 'inputTokensCached',
  'ai.usage.inputTokenDetails.cacheReadTokens': 'inputTokensCached',
  'ai.usage.inputTokenDetails.cacheWriteTokens': 'inputTokensCacheWrite',
  'ai.usage.reasoningTokens': 'outputTokensReasoning',
  'ai.usage.outputTokenDetails.reasoningTokens': 'outputTokensReasoning',
};

/** Turns the attributes of one `ai` telemetry span into `gen_ai.*` ones, batch by batch. */
export interface VercelAiAttributeConverter {
  convert: (attributes: unknown) => SpanAttributes;
  /** The model or tool the span is about, once known. */
  subject: () => string | undefined;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** `ai.prompt` of an outer span: `{"system":…,"prompt":…,"messages":[…]}`. */
function promptAttributes(value: unknown): SpanAttributes {
  const prompt = parseJson(value);
  const messages = readProperty(prompt, 'messages') ?? readProperty(prompt, 'prompt');
  return getInputAttributes(messages ?? [], readProperty(prompt, 'system') ?? undefined);
}

/** `ai.response.toolCalls`: `[{"toolCallId","toolName","input"}]` (older: `args`). */
function toolCallParts(value: unknown): MessagePart[] {
  return copyArray(parseJson(value)).map((call) => ({
    type: 'tool_call',
    id: readProperty(call, 'toolCallId'),
    name: readProperty(call, 'toolName'),
    arguments: readProperty(call, 'input') ?? readProperty(call, 'args'),
  }));
}

/** `ai.value` (one JSON value) or `ai.values` (a list of them): the text itself, or a JSON list. */
function embeddingsInput(value: unknown): string | undefined {
  const input = Array.isArray(value) ? copyArray(value).map(parseJson) : parseJson(value);
  const text = typeof input === 'string' ? input : toContentJson(input);
  return text?.slice(0, MAX_MESSAGES_LENGTH);
}

/** Creates the converter of one span; `recording` decides whether prompts and completions pass. */
export function createVercelAiAttributeConverter(
  { kind }: VercelAiSpanKind,
  recording: ContentRecording,
): VercelAiAttributeConverter {
  let subject: string | undefined;
  let finishReason: string | undefined;

  const convertOne = (key: string, value: unknown, out: SpanAttributes, usage: TokenUsage): MessagePart[] => {
    if (ALWAYS_DROPPED.has(key) || key.startsWith('ai.request.headers.')) return [];
    if (key.startsWith('ai.usage.')) {
      // converted to `gen_ai.usage.*` below; the other breakdowns are left out
      const field = USAGE_FIELDS[key];
      if (field && typeof value === 'number') usage[field] = value;
      return [];
    }
    switch (key) {
      case 'ai.prompt':
        if (recording.inputs) Object.assign(out, promptAttributes(value));
        return [];
      case 'ai.prompt.messages':
        if (recording.inputs) Object.assign(out, getInputAttributes(parseJson(value)));
        return [];
      case 'ai.prompt.tools':
        if (recording.inputs)
          Object.assign(out, getInputAttributes([], undefined, copyArray(value).map(parseJson)));
        return [];
      case 'ai.value':
      case 'ai.values':
        if (recording.inputs) out['gen_ai.embeddings.input'] = embeddingsInput(value);
        return [];
      case 'ai.toolCall.args':
        if (recording.inputs && typeof value === 'string') out['gen_ai.tool.call.arguments'] = value;
        return [];
      case 'ai.toolCall.result':
        if (recording.outputs && typeof value === 'string') out['gen_ai.tool.call.result'] = value;
        return [];
      case 'ai.response.text':
      case 'ai.response.object':
        return recording.outputs && typeof value === 'string' ? [{ type: 'text', content: value }] : [];
      case 'ai.response.toolCalls':
        return recording.outputs ? toolCallParts(value) : [];
      case 'ai.model.id':
        if (typeof value === 'string') subject ??= kind === 'tool' ? undefined : value;
        out['gen_ai.request.model'] = value as string;
        break;
      case 'ai.model.provider':
        if (typeof value === 'string') out['gen_ai.provider.name'] = value.split('.')[0];
        break;
      case 'ai.toolCall.name':
        if (typeof value === 'string' && kind === 'tool') subject = value;
        out['gen_ai.tool.name'] = value as string;
        out['gen_ai.tool.type'] = 'function';
        break;
      case 'ai.toolCall.id':
        out['gen_ai.tool.call.id'] = value as string;
        break;
      case 'ai.telemetry.functionId':
        if (kind === 'agent') out['gen_ai.agent.name'] = value as string;
        break;
      case 'ai.response.id':
        out['gen_ai.response.id'] = value as string;
        break;
      case 'ai.response.model':
        out['gen_ai.response.model'] = value as string;
        break;
      case 'ai.response.finishReason':
        if (typeof value === 'string') {
          finishReason = value;
          out['gen_ai.response.finish_reasons'] ??= [value];
        }
        break;
      case 'ai.response.msToFirstChunk':
      case 'ai.stream.msToFirstChunk':
        if (typeof value === 'number') out['gen_ai.response.time_to_first_token'] = value / 1000;
        out['gen_ai.response.streaming'] = true;
        break;
    }
    out[key] ??= value as string;
    return [];
  };

  return {
    subject: () => subject,
    convert(attributes) {
      const out: SpanAttributes = {};
      const usage: TokenUsage = {};
      const output: MessagePart[] = [];
      if (attributes === null || typeof attributes !== 'object') return out;
      for (const key of Object.keys(attributes)) {
        output.push(...convertOne(key, readProperty(attributes, key), out, usage));
      }
      Object.assign(out, getTokenUsageAttributes(usage));
      if (output.length)
        Object.assign(
          out,
          getOutputAttributes([
            { role: 'assistant', parts: output, ...(finishReason ? { finish_reason: finishReason } : {}) },
          ]),
        );
      return out;
    },
  };
}
