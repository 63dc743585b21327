import { SPANTEMPLATE } from '../lib';
import { getAiPipelineName } from './ai-pipeline-name';
import type { Span, SpanAttributes } from './types';

const REQUEST_PARAMETERS: Readonly<Record<string, string>> = {
  max_tokens: 'gen_ai.request.max_tokens',
  temperature: 'gen_ai.request.temperature',
  top_p: 'gen_ai.request.top_p',
  top_k: 'gen_ai.request.top_k',
  frequency_penalty: 'gen_ai.request.frequency_penalty',
  presence_penalty: 'gen_ai.request.presence_penalty',
};

const USAGE: readonly (readonly [string[], string])[] = [
  [['input_tokens', 'prompt_tokens'], 'gen_ai.usage.input_tokens'],
  [['output_tokens', 'completion_tokens'], 'gen_ai.usage.output_tokens'],
  [['total_tokens'], 'gen_ai.usage.total_tokens'],
];

/** The op, name and attributes a template gives a traced function's span (protocol.md §12). */
export interface TemplatedSpan {
  op: string;
  name: string;
  attributes: SpanAttributes;
}

function read(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The first value of `key` among the object arguments (JS has no keyword arguments). */
function fromArgs(args: readonly unknown[], key: string): unknown {
  for (const arg of args) {
    const value = read(arg, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

function toJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** True for the AI templates (they read arguments and results). */
export function isAiTemplate(template: string | undefined): boolean {
  return (
    template === SPANTEMPLATE.AI_AGENT ||
    template === SPANTEMPLATE.AI_TOOL ||
    template === SPANTEMPLATE.AI_CHAT
  );
}

/** The span of a call to `fnName(...args)` under `template`; `sendDefaultPii` lets prompts and tool input in. */
export function applySpanTemplate(
  template: string | undefined,
  fnName: string,
  args: readonly unknown[],
  sendDefaultPii: boolean,
): TemplatedSpan {
  if (!isAiTemplate(template)) return { op: 'function', name: fnName, attributes: {} };
  const attributes: SpanAttributes = {};
  const model = fromArgs(args, 'model') ?? fromArgs(args, 'model_name');
  if (typeof model === 'string') attributes['gen_ai.request.model'] = model;
  for (const [argument, attribute] of Object.entries(REQUEST_PARAMETERS)) {
    const value = fromArgs(args, argument);
    if (typeof value === 'number') attributes[attribute] = value;
  }
  if (sendDefaultPii) addPromptMessages(args, attributes);
  const pipeline = getAiPipelineName();
  if (pipeline !== undefined) attributes['gen_ai.pipeline.name'] = pipeline;

  if (template === SPANTEMPLATE.AI_AGENT) {
    const agent = fromArgs(args, 'agent');
    attributes['gen_ai.operation.name'] = 'invoke_agent';
    attributes['gen_ai.agent.name'] = typeof agent === 'string' ? agent : fnName;
    return { op: 'gen_ai.invoke_agent', name: `invoke_agent ${fnName}`, attributes };
  }
  if (template === SPANTEMPLATE.AI_TOOL) {
    attributes['gen_ai.operation.name'] = 'execute_tool';
    attributes['gen_ai.tool.name'] = fnName;
    const input = sendDefaultPii ? toJson(args) : undefined;
    if (input !== undefined) attributes['gen_ai.tool.input'] = input;
    return { op: 'gen_ai.execute_tool', name: `execute_tool ${fnName}`, attributes };
  }
  attributes['gen_ai.operation.name'] = 'chat';
  return { op: 'gen_ai.chat', name: typeof model === 'string' ? `chat ${model}` : 'chat', attributes };
}

function addPromptMessages(args: readonly unknown[], attributes: SpanAttributes): void {
  const messages: { role: string; content: string }[] = [];
  const system = fromArgs(args, 'system_prompt');
  const prompt = fromArgs(args, 'prompt');
  if (typeof system === 'string') messages.push({ role: 'system', content: system });
  if (typeof prompt === 'string') messages.push({ role: 'user', content: prompt });
  if (messages.length) attributes['gen_ai.request.messages'] = JSON.stringify(messages);
}

/** Reads token usage and the response model from what an AI-templated function returned. */
export function recordTemplateResult(
  span: Span,
  template: string | undefined,
  result: unknown,
  sendDefaultPii: boolean,
): void {
  if (!isAiTemplate(template)) return;
  const usage = read(result, 'usage') ?? result;
  const counts: Record<string, number> = {};
  for (const [names, attribute] of USAGE) {
    const value = names
      .map((name) => read(usage, name))
      .find((item): item is number => typeof item === 'number');
    if (value !== undefined) counts[attribute] = value;
  }
  const input = counts['gen_ai.usage.input_tokens'];
  const output = counts['gen_ai.usage.output_tokens'];
  if (counts['gen_ai.usage.total_tokens'] === undefined && input !== undefined && output !== undefined)
    counts['gen_ai.usage.total_tokens'] = input + output;
  span.setAttributes(counts);
  const model = read(result, 'model');
  if (typeof model === 'string') span.setAttribute('gen_ai.response.model', model);
  if (template === SPANTEMPLATE.AI_TOOL && sendDefaultPii) {
    const output = typeof result === 'string' ? result : toJson(result);
    if (output !== undefined) span.setAttribute('gen_ai.tool.output', output);
  }
}
