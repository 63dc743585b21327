import { readProperty } from '../../lib';
import type { Span, SpanAttributes } from '../../tracing';
import type { AiMethodSpec, AiStreamRecorder } from '../ai-method-spec';
import {
  CHAT_REQUEST_PARAMETERS,
  describeChatCall,
  getInputAttributes,
  getOpenAiStyleUsageAttributes,
  getOutputAttributes,
  getResponseAttributes,
  readList,
  readRequestParameters,
  readString,
} from '../gen-ai-attributes';
import { toParts, type MessagePart } from '../gen-ai-content';
import type { ContentRecording } from '../recording-options';
import { OPENAI_ORIGIN, OPENAI_PROVIDER } from './openai-constants';

const PARAMETERS: Readonly<Record<string, string>> = {
  ...CHAT_REQUEST_PARAMETERS,
  max_output_tokens: 'gen_ai.request.max_tokens',
};

// Stream events that carry the finished response (`response.completed` and its siblings).
const FINAL_EVENTS = new Set(['response.completed', 'response.incomplete', 'response.failed']);

function describe(params: unknown, recording: ContentRecording): ReturnType<AiMethodSpec['describe']> {
  const attributes: SpanAttributes = readRequestParameters(params, PARAMETERS);
  const effort = readString(readProperty(params, 'reasoning'), 'effort');
  if (effort !== undefined) attributes['gen_ai.request.reasoning.level'] = effort;
  const conversation = readProperty(params, 'conversation');
  const conversationId = typeof conversation === 'string' ? conversation : readString(conversation, 'id');
  if (conversationId !== undefined) attributes['gen_ai.conversation.id'] = conversationId;
  if (recording.inputs) {
    const [input, instructions, tools] = ['input', 'instructions', 'tools'].map((key) =>
      readProperty(params, key),
    );
    Object.assign(attributes, getInputAttributes(input, instructions, tools));
  }
  return describeChatCall(params, attributes);
}

/** Why the response ended: tool calls, a stop, or the reason it is incomplete. */
function finishReason(response: unknown, output: unknown[]): string | undefined {
  if (output.some((item) => readProperty(item, 'type') === 'function_call')) return 'tool_calls';
  const incomplete = readString(readProperty(response, 'incomplete_details'), 'reason');
  if (incomplete !== undefined) return incomplete;
  const status = readString(response, 'status');
  return status === 'completed' ? 'stop' : status;
}

function recordResponse(span: Span, response: unknown, recording: ContentRecording): void {
  const output = readList(response, 'output');
  const reason = finishReason(response, output);
  span.setAttributes({
    ...getResponseAttributes(readProperty(response, 'id'), readProperty(response, 'model'), [reason]),
    ...getOpenAiStyleUsageAttributes(readProperty(response, 'usage')),
  });
  if (!recording.outputs) return;
  const parts: MessagePart[] = [];
  for (const item of output) {
    const type = readProperty(item, 'type');
    if (type === 'message') parts.push(...toParts(readProperty(item, 'content')));
    else if (type === 'function_call') parts.push(...toParts(item));
  }
  span.setAttributes(
    getOutputAttributes([{ role: 'assistant', parts, ...(reason ? { finish_reason: reason } : {}) }]),
  );
}

function createStreamRecorder(recording: ContentRecording): AiStreamRecorder {
  let started: unknown;
  let final: unknown;
  return {
    add(event) {
      const type = readString(event, 'type');
      if (type === 'response.created') started = readProperty(event, 'response');
      else if (type !== undefined && FINAL_EVENTS.has(type)) final = readProperty(event, 'response');
      return type === 'response.output_text.delta' || type === 'response.function_call_arguments.delta';
    },
    finish(span) {
      if (final !== undefined) recordResponse(span, final, recording);
      else
        span.setAttributes(
          getResponseAttributes(readProperty(started, 'id'), readProperty(started, 'model')),
        );
    },
  };
}

/** `responses.create`: op `gen_ai.chat`, streamed or not. */
export const OPENAI_RESPONSES_SPEC: AiMethodSpec = {
  origin: OPENAI_ORIGIN,
  provider: OPENAI_PROVIDER,
  describe,
  recordResponse,
  createStreamRecorder,
};
