import { readProperty } from '../../lib';
import type { Span, SpanAttributes } from '../../tracing';
import type { AiMethodSpec, AiStreamRecorder } from '../ai-method-spec';
import {
  CHAT_REQUEST_PARAMETERS,
  describeChatCall,
  getInputAttributes,
  getOutputAttributes,
  getResponseAttributes,
  readList,
  readNumber,
  readRequestParameters,
  readString,
} from '../gen-ai-attributes';
import { MAX_STREAMED_TEXT, toParts, type MessagePart } from '../gen-ai-content';
import { getTokenUsageAttributes } from '../record-token-usage';
import type { ContentRecording } from '../recording-options';

/** The origin of the Anthropic instrumentation's spans and the mechanism of the errors it captures. */
export const ANTHROPIC_ORIGIN = 'auto.ai.anthropic';

const PARAMETERS: Readonly<Record<string, string>> = {
  ...CHAT_REQUEST_PARAMETERS,
  top_k: 'gen_ai.request.top_k',
};

function describe(params: unknown, recording: ContentRecording): ReturnType<AiMethodSpec['describe']> {
  const attributes: SpanAttributes = readRequestParameters(params, PARAMETERS);
  if (recording.inputs)
    Object.assign(
      attributes,
      getInputAttributes(
        readProperty(params, 'messages'),
        readProperty(params, 'system'),
        readProperty(params, 'tools'),
      ),
    );
  return describeChatCall(params, attributes);
}

/** Anthropic's `input_tokens` leave the cache out; the protocol's input count includes it (§12). */
function getUsageAttributes(usage: unknown): SpanAttributes {
  const input = readNumber(usage, 'input_tokens');
  const cacheRead = readNumber(usage, 'cache_read_input_tokens');
  const cacheWrite = readNumber(usage, 'cache_creation_input_tokens');
  return getTokenUsageAttributes({
    inputTokens: input === undefined ? undefined : input + (cacheRead ?? 0) + (cacheWrite ?? 0),
    inputTokensCached: cacheRead,
    inputTokensCacheWrite: cacheWrite,
    outputTokens: readNumber(usage, 'output_tokens'),
  });
}

function recordMessage(span: Span, message: unknown, recording: ContentRecording): void {
  const reason = readString(message, 'stop_reason');
  span.setAttributes({
    ...getResponseAttributes(readProperty(message, 'id'), readProperty(message, 'model'), [reason]),
    ...getUsageAttributes(readProperty(message, 'usage')),
  });
  if (!recording.outputs) return;
  const parts = toParts(readList(message, 'content'));
  span.setAttributes(
    getOutputAttributes([{ role: 'assistant', parts, ...(reason ? { finish_reason: reason } : {}) }]),
  );
}

/** One content block as the stream builds it. */
interface StreamedBlock {
  part: MessagePart;
  /** Text (`text`, `thinking`) or JSON (`tool_use` input) received so far. */
  text: string;
}

const DELTA_FIELDS: Readonly<Record<string, string>> = {
  text_delta: 'text',
  input_json_delta: 'partial_json',
  thinking_delta: 'thinking',
};

function createStreamRecorder(recording: ContentRecording): AiStreamRecorder {
  let message: unknown;
  let reason: string | undefined;
  let usage: Record<string, unknown> = {};
  const blocks = new Map<number, StreamedBlock>();
  const addUsage = (value: unknown): void => {
    if (value && typeof value === 'object') usage = { ...usage, ...(value as Record<string, unknown>) };
  };
  return {
    add(event) {
      const type = readString(event, 'type');
      if (type === 'message_start') {
        message = readProperty(event, 'message');
        addUsage(readProperty(message, 'usage'));
      } else if (type === 'message_delta') {
        reason = readString(readProperty(event, 'delta'), 'stop_reason') ?? reason;
        addUsage(readProperty(event, 'usage'));
      } else if (type === 'content_block_start' && recording.outputs) {
        const [part] = toParts(readProperty(event, 'content_block'));
        if (part) blocks.set(readNumber(event, 'index') ?? blocks.size, { part, text: '' });
      } else if (type === 'content_block_delta') {
        const delta = readProperty(event, 'delta');
        const field = DELTA_FIELDS[readString(delta, 'type') ?? ''];
        const block = blocks.get(readNumber(event, 'index') ?? -1);
        const fragment = field ? readString(delta, field) : undefined;
        if (block && fragment && block.text.length < MAX_STREAMED_TEXT) block.text += fragment;
        return true;
      }
      return false;
    },
    finish(span) {
      span.setAttributes({
        ...getResponseAttributes(readProperty(message, 'id'), readProperty(message, 'model'), [reason]),
        ...getUsageAttributes(usage),
      });
      if (!recording.outputs) return;
      const parts = [...blocks.entries()].sort(([a], [b]) => a - b).map(([, block]) => finishBlock(block));
      span.setAttributes(
        getOutputAttributes([{ role: 'assistant', parts, ...(reason ? { finish_reason: reason } : {}) }]),
      );
    },
  };
}

function finishBlock({ part, text }: StreamedBlock): MessagePart {
  if (!text) return part;
  return part.type === 'tool_call' ? { ...part, arguments: text } : { ...part, content: text };
}

/** `messages.create` (and `beta.messages.create`): op `gen_ai.chat`, streamed or not. */
export const ANTHROPIC_MESSAGES_SPEC: AiMethodSpec = {
  origin: ANTHROPIC_ORIGIN,
  provider: 'anthropic',
  describe,
  recordResponse: recordMessage,
  createStreamRecorder,
};
