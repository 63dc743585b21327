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
  readNumber,
  readRequestParameters,
  readString,
} from '../gen-ai-attributes';
import { MAX_STREAMED_TEXT, toGenAiMessages, type GenAiMessage, type MessagePart } from '../gen-ai-content';
import type { ContentRecording } from '../recording-options';
import { OPENAI_ORIGIN, OPENAI_PROVIDER } from './openai-constants';

const PARAMETERS: Readonly<Record<string, string>> = {
  ...CHAT_REQUEST_PARAMETERS,
  frequency_penalty: 'gen_ai.request.frequency_penalty',
  presence_penalty: 'gen_ai.request.presence_penalty',
  seed: 'gen_ai.request.seed',
  max_completion_tokens: 'gen_ai.request.max_tokens',
};

function describe(params: unknown, recording: ContentRecording): ReturnType<AiMethodSpec['describe']> {
  const attributes: SpanAttributes = readRequestParameters(params, PARAMETERS);
  const effort = readString(params, 'reasoning_effort');
  if (effort !== undefined) attributes['gen_ai.request.reasoning.level'] = effort;
  if (recording.inputs)
    Object.assign(
      attributes,
      getInputAttributes(readProperty(params, 'messages'), undefined, readProperty(params, 'tools')),
    );
  return describeChatCall(params, attributes);
}

function recordResponse(span: Span, data: unknown, recording: ContentRecording): void {
  const choices = readList(data, 'choices');
  span.setAttributes({
    ...getResponseAttributes(
      readProperty(data, 'id'),
      readProperty(data, 'model'),
      choices.map((choice) => readProperty(choice, 'finish_reason')),
    ),
    ...getOpenAiStyleUsageAttributes(readProperty(data, 'usage')),
  });
  if (!recording.outputs) return;
  const messages = toGenAiMessages(choices.map((choice) => readProperty(choice, 'message'))).messages;
  messages.forEach((message, index) => {
    const reason = readProperty(choices[index], 'finish_reason');
    if (typeof reason === 'string') message.finish_reason = reason;
  });
  span.setAttributes(getOutputAttributes(messages));
}

interface StreamedChoice {
  text: string;
  toolCalls: Map<number, { id?: unknown; name?: unknown; arguments: string }>;
  finishReason?: string | undefined;
}

function createStreamRecorder(recording: ContentRecording): AiStreamRecorder {
  let id: unknown;
  let model: unknown;
  let usage: unknown;
  const choices = new Map<number, StreamedChoice>();
  const choiceAt = (index: number): StreamedChoice => {
    let choice = choices.get(index);
    if (!choice) choices.set(index, (choice = { text: '', toolCalls: new Map() }));
    return choice;
  };
  const addToolCalls = (choice: StreamedChoice, deltas: unknown[]): void => {
    for (const delta of deltas) {
      const index = readNumber(delta, 'index') ?? 0;
      const fn = readProperty(delta, 'function');
      const call = choice.toolCalls.get(index) ?? { arguments: '' };
      call.id ??= readProperty(delta, 'id');
      call.name ??= readProperty(fn, 'name');
      const fragment = readString(fn, 'arguments');
      if (fragment && call.arguments.length < MAX_STREAMED_TEXT) call.arguments += fragment;
      choice.toolCalls.set(index, call);
    }
  };
  return {
    add(chunk) {
      id ??= readProperty(chunk, 'id');
      model = readProperty(chunk, 'model') ?? model;
      usage = readProperty(chunk, 'usage') ?? usage;
      let content = false;
      for (const item of readList(chunk, 'choices')) {
        const choice = choiceAt(readNumber(item, 'index') ?? 0);
        const delta = readProperty(item, 'delta');
        const text = readString(delta, 'content');
        const toolCalls = readList(delta, 'tool_calls');
        if (text || toolCalls.length) content = true;
        if (recording.outputs && text && choice.text.length < MAX_STREAMED_TEXT) choice.text += text;
        if (recording.outputs) addToolCalls(choice, toolCalls);
        choice.finishReason = readString(item, 'finish_reason') ?? choice.finishReason;
      }
      return content;
    },
    finish(span) {
      const ordered = [...choices.entries()].sort(([a], [b]) => a - b).map(([, choice]) => choice);
      span.setAttributes({
        ...getResponseAttributes(
          id,
          model,
          ordered.map((choice) => choice.finishReason),
        ),
        ...getOpenAiStyleUsageAttributes(usage),
      });
      if (recording.outputs) span.setAttributes(getOutputAttributes(ordered.map(toStreamedMessage)));
    },
  };
}

function toStreamedMessage(choice: StreamedChoice): GenAiMessage {
  const parts: MessagePart[] = choice.text ? [{ type: 'text', content: choice.text }] : [];
  for (const call of choice.toolCalls.values())
    parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.arguments });
  const message: GenAiMessage = { role: 'assistant', parts };
  if (choice.finishReason) message.finish_reason = choice.finishReason;
  return message;
}

/** `chat.completions.create`: op `gen_ai.chat`, streamed or not. */
export const OPENAI_CHAT_SPEC: AiMethodSpec = {
  origin: OPENAI_ORIGIN,
  provider: OPENAI_PROVIDER,
  describe,
  recordResponse,
  createStreamRecorder,
};
