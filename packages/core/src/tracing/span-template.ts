import { readProperty, SPANTEMPLATE } from '../lib';
import { getAiPipelineName } from './ai-pipeline-name';
import type { Span, SpanAttributes } from './types';

// each read from the arguments into `gen_ai.request.<parameter>`
const REQUEST_PARAMETERS = [
  'max_tokens',
  'temperature',
  'top_p',
  'top_k',
  'frequency_penalty',
  'presence_penalty',
];

// `gen_ai.usage.<first name>`, read from the first of the names the result has
const USAGE: readonly string[][] = [
  ['input_tokens', 'prompt_tokens'],
  ['output_tokens', 'completion_tokens'],
  ['total_tokens'],
];

// the `gen_ai.operation.name` of each AI template (a Map: template names come from users)
const OPERATIONS: ReadonlyMap<unknown, string> = new Map([
  [SPANTEMPLATE.AI_AGENT, 'invoke_agent'],
  [SPANTEMPLATE.AI_TOOL, 'execute_tool'],
  [SPANTEMPLATE.AI_CHAT, 'chat'],
]);

/** The op, name and attributes a template gives a traced function's span (protocol.md §12). */
export interface TemplatedSpan {
  op: string;
  name: string;
  attributes: SpanAttributes;
}

/** The first value of `key` among the object arguments (JS has no keyword arguments). */
function fromArgs(args: readonly unknown[], key: string): unknown {
  for (const arg of args) {
    const value = readProperty(arg, key);
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
  return OPERATIONS.has(template);
}

/** The span of a call to `fnName(...args)` under `template`; `sendDefaultPii` lets prompts and tool input in. */
export function applySpanTemplate(
  template: string | undefined,
  fnName: string,
  args: readonly unknown[],
  sendDefaultPii: boolean,
): TemplatedSpan {
  const operation = OPERATIONS.get(template);
  if (!operation) return { op: 'function', name: fnName, attributes: {} };
  const attributes: SpanAttributes = {};
  const model = fromArgs(args, 'model') ?? fromArgs(args, 'model_name');
  if (typeof model === 'string') attributes['gen_ai.request.model'] = model;
  for (const parameter of REQUEST_PARAMETERS) {
    const value = fromArgs(args, parameter);
    if (typeof value === 'number') attributes[`gen_ai.request.${parameter}`] = value;
  }
  if (sendDefaultPii) addPromptMessages(args, attributes);
  const pipeline = getAiPipelineName();
  if (pipeline !== undefined) attributes['gen_ai.pipeline.name'] = pipeline;
  attributes['gen_ai.operation.name'] = operation;

  let name = `${operation} ${fnName}`;
  if (template === SPANTEMPLATE.AI_AGENT) {
    const agent = fromArgs(args, 'agent');
    attributes['gen_ai.agent.name'] = typeof agent === 'string' ? agent : fnName;
  } else if (template === SPANTEMPLATE.AI_TOOL) {
    attributes['gen_ai.tool.name'] = fnName;
    const input = sendDefaultPii ? toJson(args) : undefined;
    if (input !== undefined) attributes['gen_ai.tool.input'] = input;
  } else {
    name = typeof model === 'string' ? `chat ${model}` : 'chat';
  }
  return { op: `gen_ai.${operation}`, name, attributes };
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
  const usage = readProperty(result, 'usage') ?? result;
  const tokens = USAGE.map((names) =>
    names.map((name) => readProperty(usage, name)).find((item): item is number => typeof item === 'number'),
  );
  const [input, output] = tokens;
  if (input !== undefined && output !== undefined) tokens[2] ??= input + output;
  USAGE.forEach(([name], index) => {
    if (tokens[index] !== undefined) span.setAttribute(`gen_ai.usage.${name}`, tokens[index]);
  });
  const model = readProperty(result, 'model');
  if (typeof model === 'string') span.setAttribute('gen_ai.response.model', model);
  if (template === SPANTEMPLATE.AI_TOOL && sendDefaultPii) {
    const toolOutput = typeof result === 'string' ? result : toJson(result);
    if (toolOutput !== undefined) span.setAttribute('gen_ai.tool.output', toolOutput);
  }
}
