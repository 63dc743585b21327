import { copyArray, readProperty } from '../lib';

/** What binary content and `data:` URLs become in recorded prompts (protocol.md §12). */
export const BLOB_SUBSTITUTE = '[Blob substitute]';

/** Recorded input messages stay under this many characters per span; the oldest go first. */
export const MAX_MESSAGES_LENGTH = 20_000;

/** A streamed text (or tool-call JSON) is kept up to this length: memory stays bounded. */
export const MAX_STREAMED_TEXT = 100_000;

/** One part of a message in the `gen_ai.input.messages` / `gen_ai.output.messages` shape. */
export interface MessagePart {
  type: string;
  [key: string]: unknown;
}

/** A message in the `gen_ai.*.messages` shape: `{"role":"user","parts":[{"type":"text","content":"…"}]}`. */
export interface GenAiMessage {
  role: string;
  parts: MessagePart[];
  finish_reason?: string;
}

const TEXT_TYPES = new Set(['text', 'input_text', 'output_text']);

function read(value: unknown, key: string): unknown {
  return readProperty(value, key);
}

function text(value: unknown): MessagePart {
  return { type: 'text', content: value };
}

/** A tool call in any provider's shape (OpenAI chat/responses, Anthropic, Vercel AI). */
function toolCall(id: unknown, name: unknown, args: unknown): MessagePart {
  return { type: 'tool_call', id, name, arguments: args };
}

function toolResponse(id: unknown, result: unknown): MessagePart {
  return { type: 'tool_call_response', id, result };
}

/** One content part of any provider's shape; images, files and audio become a blob substitute. */
function toPart(part: unknown): MessagePart {
  if (typeof part === 'string') return text(part);
  const type = read(part, 'type');
  if (typeof type === 'string' && TEXT_TYPES.has(type)) return text(read(part, 'text'));
  switch (type) {
    case 'tool_use':
      return toolCall(read(part, 'id'), read(part, 'name'), read(part, 'input'));
    case 'tool-call':
      return toolCall(read(part, 'toolCallId'), read(part, 'toolName'), read(part, 'input'));
    case 'function_call':
      return toolCall(read(part, 'call_id'), read(part, 'name'), read(part, 'arguments'));
    case 'tool_result':
      return toolResponse(read(part, 'tool_use_id'), read(part, 'content'));
    case 'tool-result':
      return toolResponse(read(part, 'toolCallId'), read(part, 'output'));
    case 'function_call_output':
      return toolResponse(read(part, 'call_id'), read(part, 'output'));
    case 'thinking':
    case 'reasoning':
      return { type: 'reasoning', content: read(part, 'thinking') ?? read(part, 'text') };
    default:
      return { type: typeof type === 'string' ? type : 'unknown', content: BLOB_SUBSTITUTE };
  }
}

/** The parts of a message's `content`: a string, an array of parts, or one part. */
export function toParts(content: unknown): MessagePart[] {
  if (content === undefined || content === null) return [];
  if (Array.isArray(content)) return copyArray(content).map(toPart);
  return [toPart(content)];
}

/** OpenAI chat's `tool_calls` of an assistant message. */
function chatToolCalls(message: unknown): MessagePart[] {
  return copyArray(read(message, 'tool_calls')).map((call) => {
    const fn = read(call, 'function');
    return toolCall(read(call, 'id'), read(fn, 'name'), read(fn, 'arguments'));
  });
}

function toMessage(message: unknown): GenAiMessage | undefined {
  if (typeof message === 'string') return { role: 'user', parts: [text(message)] };
  if (message === null || typeof message !== 'object') return undefined;
  const role = read(message, 'role');
  if (typeof role !== 'string') {
    // a Responses API input item that is not a message: a tool call or its output
    const part = toPart(message);
    return { role: part.type === 'tool_call_response' ? 'tool' : 'assistant', parts: [part] };
  }
  if (role === 'tool' && read(message, 'tool_call_id') !== undefined)
    return { role, parts: [toolResponse(read(message, 'tool_call_id'), read(message, 'content'))] };
  return { role, parts: [...toParts(read(message, 'content')), ...chatToolCalls(message)] };
}

/**
 * Prompt messages of any provider's shape in the `gen_ai.input.messages` shape; system and developer
 * messages are returned apart, as `gen_ai.system_instructions` parts.
 */
export function toGenAiMessages(messages: unknown): { system: MessagePart[]; messages: GenAiMessage[] } {
  const system: MessagePart[] = [];
  const converted: GenAiMessage[] = [];
  const list = typeof messages === 'string' ? [messages] : copyArray(messages);
  for (const item of list) {
    const message = toMessage(item);
    if (!message) continue;
    if (message.role === 'system' || message.role === 'developer') system.push(...message.parts);
    else converted.push(message);
  }
  return { system, messages: converted };
}

function isBinary(value: unknown): boolean {
  return (
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    // what a Node Buffer's toJSON gives the replacer
    (read(value, 'type') === 'Buffer' && Array.isArray(read(value, 'data'))) ||
    (typeof value === 'string' && value.startsWith('data:') && value.includes(';base64,'))
  );
}

/** JSON of recorded content with binary data and `data:` URLs replaced; `undefined` when it cannot be serialised. */
export function toContentJson(value: unknown): string | undefined {
  try {
    return JSON.stringify(value, (_key, item: unknown) => (isBinary(item) ? BLOB_SUBSTITUTE : item));
  } catch {
    return undefined;
  }
}

function truncateParts(message: GenAiMessage, budget: number): GenAiMessage {
  const share = Math.max(1, Math.floor(budget / Math.max(1, message.parts.length)));
  return {
    ...message,
    parts: message.parts.map((part) =>
      typeof part['content'] === 'string' && part['content'].length > share
        ? { ...part, content: `${part['content'].slice(0, share)}…` }
        : part,
    ),
  };
}

/**
 * The JSON of `messages` within `limit` characters: the oldest messages are dropped first, and the
 * texts of the newest are cut when it alone is too long.
 */
export function toMessagesJson(messages: GenAiMessage[], limit = MAX_MESSAGES_LENGTH): string | undefined {
  const sizes = messages.map((message) => toContentJson(message)?.length ?? 0);
  let total = sizes.reduce((sum, size) => sum + size + 1, 1);
  let start = 0;
  while (total > limit && start < messages.length - 1) total -= sizes[start++]! + 1;
  const kept = messages.slice(start);
  if (total > limit && kept.length === 1) return toContentJson([truncateParts(kept[0]!, limit / 2)]);
  return toContentJson(kept);
}

/** The `gen_ai.tool.definitions` of tool lists in OpenAI (chat or responses) or Anthropic shape. */
export function toToolDefinitions(tools: unknown): string | undefined {
  const list = copyArray(tools);
  if (list.length === 0) return undefined;
  const definitions = list.map((tool) => {
    const fn = read(tool, 'function') ?? tool;
    return {
      type: read(tool, 'type') ?? 'function',
      name: read(fn, 'name'),
      description: read(fn, 'description'),
      parameters: read(fn, 'parameters') ?? read(fn, 'input_schema') ?? read(fn, 'inputSchema'),
    };
  });
  const json = toContentJson(definitions);
  return json !== undefined && json.length > MAX_MESSAGES_LENGTH
    ? toContentJson(definitions.map(({ type, name }) => ({ type, name })))
    : json;
}
