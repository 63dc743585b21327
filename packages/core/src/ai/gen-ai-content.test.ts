import { describe, expect, it } from 'vitest';
import {
  BLOB_SUBSTITUTE,
  toContentJson,
  toGenAiMessages,
  toMessagesJson,
  toToolDefinitions,
} from './gen-ai-content';

describe('toGenAiMessages', () => {
  it('converts OpenAI chat messages, keeping system ones apart', () => {
    const { system, messages } = toGenAiMessages([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '18°C' },
    ]);
    expect(system).toEqual([{ type: 'text', content: 'Be brief.' }]);
    expect(messages).toEqual([
      {
        role: 'user',
        parts: [
          { type: 'text', content: 'Weather?' },
          { type: 'image_url', content: BLOB_SUBSTITUTE },
        ],
      },
      {
        role: 'assistant',
        parts: [{ type: 'tool_call', id: 'call_1', name: 'weather', arguments: '{"city":"Paris"}' }],
      },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_1', result: '18°C' }] },
    ]);
  });

  it('converts Anthropic blocks, Responses API items and Vercel AI parts', () => {
    const { messages } = toGenAiMessages([
      'plain prompt',
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'search', input: { q: 'x' } }],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'found' }] },
      { type: 'function_call_output', call_id: 'c1', output: '42' },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 't1', toolName: 'add', input: { a: 1 } }],
      },
    ]);
    expect(messages.map((message) => [message.role, message.parts[0]?.type])).toEqual([
      ['user', 'text'],
      ['assistant', 'tool_call'],
      ['user', 'tool_call_response'],
      ['tool', 'tool_call_response'],
      ['assistant', 'tool_call'],
    ]);
  });

  it('survives hostile input', () => {
    const hostile = new Proxy([], {
      get: () => {
        throw new Error('trap');
      },
    });
    expect(toGenAiMessages(hostile)).toEqual({ system: [], messages: [] });
    expect(toGenAiMessages([null, 7, { role: 'user', content: hostile }]).messages).toEqual([
      { role: 'user', parts: [] },
    ]);
  });
});

describe('toContentJson', () => {
  it('replaces binary data and data: URLs', () => {
    expect(
      toContentJson({ a: new Uint8Array([1, 2]), b: 'data:image/png;base64,AAAA', c: 'data:text' }),
    ).toBe(`{"a":"${BLOB_SUBSTITUTE}","b":"${BLOB_SUBSTITUTE}","c":"data:text"}`);
  });
});

describe('toMessagesJson', () => {
  const message = (text: string) => ({ role: 'user', parts: [{ type: 'text', content: text }] });

  it('drops the oldest messages to stay under the limit', () => {
    const json = toMessagesJson([message('a'.repeat(60)), message('b'.repeat(60)), message('newest')], 250);
    const kept = JSON.parse(json!) as { parts: { content: string }[] }[];
    expect(kept.map((item) => item.parts[0]?.content[0])).toEqual(['b', 'n']);
    expect(json!.length).toBeLessThanOrEqual(250);
  });

  it('cuts the text of a single message that is too long on its own', () => {
    const json = toMessagesJson([message('x'.repeat(5000))], 1000);
    expect(json!.length).toBeLessThan(1000);
  });
});

describe('toToolDefinitions', () => {
  it('normalises OpenAI and Anthropic tool lists', () => {
    expect(
      JSON.parse(
        toToolDefinitions([
          {
            type: 'function',
            function: { name: 'weather', description: 'Weather now', parameters: { type: 'object' } },
          },
          { name: 'search', description: 'Search', input_schema: { type: 'object' } },
        ])!,
      ),
    ).toEqual([
      { type: 'function', name: 'weather', description: 'Weather now', parameters: { type: 'object' } },
      { type: 'function', name: 'search', description: 'Search', parameters: { type: 'object' } },
    ]);
    expect(toToolDefinitions(undefined)).toBeUndefined();
  });
});
