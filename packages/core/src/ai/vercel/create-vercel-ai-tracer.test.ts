import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { ClientOptions } from '../../types';
import { createVercelAiTracer, type VercelAiSpan } from './create-vercel-ai-tracer';

type SpanData = {
  op?: string;
  description?: string;
  span_id: string;
  parent_span_id?: string;
  data: Record<string, unknown>;
};

const PROMPT = JSON.stringify({ system: 'Be brief.', prompt: 'Weather in Paris?' });
const MESSAGES = JSON.stringify([{ role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] }]);

/** Drives the tracer the way `generateText` with one tool call does (span names and attributes of ai 5/6). */
async function generateTextLike(
  tracer: ReturnType<typeof createVercelAiTracer>,
  fail = false,
): Promise<void> {
  await tracer.startActiveSpan(
    'ai.generateText',
    {
      attributes: {
        'ai.model.id': 'gpt-4o-mini',
        'ai.model.provider': 'openai.chat',
        'ai.telemetry.functionId': 'weather-agent',
        'ai.prompt': PROMPT,
      },
    },
    async (outer: VercelAiSpan) => {
      await tracer.startActiveSpan(
        'ai.generateText.doGenerate',
        {
          attributes: {
            'ai.model.id': 'gpt-4o-mini',
            'ai.model.provider': 'openai.chat',
            'ai.prompt.messages': MESSAGES,
            'ai.prompt.tools': [
              JSON.stringify({ type: 'function', name: 'weather', inputSchema: { type: 'object' } }),
            ],
            'ai.request.headers.authorization': 'Bearer sk-secret',
            'gen_ai.request.model': 'gpt-4o-mini',
            'gen_ai.request.temperature': 0.2,
          },
        },
        async (inner: VercelAiSpan) => {
          await Promise.resolve(); // the model call
          inner.addEvent('ai.stream.firstChunk', { 'ai.response.msToFirstChunk': 250 });
          if (fail) {
            const error = new Error('Bad request: model not found');
            inner.recordException({ name: error.name, message: error.message, stack: error.stack });
            inner.setStatus({ code: 2, message: error.message });
            inner.end();
            outer.recordException({ name: error.name, message: error.message, stack: error.stack });
            outer.setStatus({ code: 2 });
            return;
          }
          inner.setAttributes({
            'ai.response.text': 'Sunny, 18°C.',
            'ai.response.toolCalls': JSON.stringify([
              { toolCallId: 'call_1', toolName: 'weather', input: { city: 'Paris' } },
            ]),
            'ai.response.finishReason': 'tool-calls',
            'ai.response.id': 'chatcmpl-1',
            'ai.response.model': 'gpt-4o-mini-2024-07-18',
            'ai.usage.inputTokens': 30,
            'ai.usage.outputTokens': 12,
            'ai.usage.cachedInputTokens': 10,
            'gen_ai.usage.input_tokens': 30,
          });
          inner.end();
        },
      );
      await tracer.startActiveSpan(
        'ai.toolCall',
        {
          attributes: {
            'ai.toolCall.name': 'weather',
            'ai.toolCall.id': 'call_1',
            'ai.toolCall.args': '{"city":"Paris"}',
          },
        },
        async (tool: VercelAiSpan) => {
          await Promise.resolve(); // the tool runs
          tool.setAttributes({ 'ai.toolCall.result': '"18°C"' });
          tool.end();
        },
      );
      outer.end();
    },
  );
}

async function run(options: Partial<ClientOptions>, recording = {}, fail = false) {
  const captured = await withCapturedEnvelopes(
    () => generateTextLike(createVercelAiTracer(recording), fail),
    {
      tracesSampleRate: 1,
      ...options,
    },
  );
  const [transaction] = captured.transactions;
  return { ...captured, transaction, spans: (transaction?.spans ?? []) as SpanData[] };
}

describe('createVercelAiTracer', () => {
  it('maps ai spans to invoke_agent, chat and execute_tool spans with usage, and records no content by default', async () => {
    const { transaction, spans } = await run({});
    expect(transaction?.transaction).toBe('invoke_agent weather-agent');
    expect(transaction?.contexts?.trace).toMatchObject({
      op: 'gen_ai.invoke_agent',
      origin: 'auto.ai.vercelai',
      data: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'weather-agent' },
    });
    const [chat, tool] = spans;
    expect(chat).toMatchObject({
      op: 'gen_ai.chat',
      description: 'chat gpt-4o-mini',
      parent_span_id: transaction?.contexts?.trace?.span_id,
      data: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.request.temperature': 0.2,
        'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
        'gen_ai.response.id': 'chatcmpl-1',
        'gen_ai.response.finish_reasons': ['tool-calls'],
        'gen_ai.response.time_to_first_token': 0.25,
        'gen_ai.usage.input_tokens': 30,
        'gen_ai.usage.input_tokens.cached': 10,
        'gen_ai.usage.output_tokens': 12,
        'gen_ai.usage.total_tokens': 42,
      },
    });
    expect(tool).toMatchObject({
      op: 'gen_ai.execute_tool',
      description: 'execute_tool weather',
      data: {
        'gen_ai.tool.name': 'weather',
        'gen_ai.tool.call.id': 'call_1',
        'gen_ai.tool.type': 'function',
      },
    });
    const everything = JSON.stringify([transaction?.contexts, spans]);
    for (const secret of ['Weather in Paris', 'Sunny', 'Be brief', 'sk-secret', '18°C', 'city'])
      expect(everything).not.toContain(secret);
  });

  it('records prompts, completions and tool input/output with sendDefaultPii', async () => {
    const { transaction, spans } = await run({ sendDefaultPii: true });
    const data = (transaction?.contexts?.trace?.data ?? {}) as Record<string, unknown>;
    expect(JSON.parse(data['gen_ai.input.messages'] as string)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] },
    ]);
    const [chat, tool] = spans;
    expect(JSON.parse(chat?.data['gen_ai.output.messages'] as string)).toEqual([
      {
        role: 'assistant',
        finish_reason: 'tool-calls',
        parts: [
          { type: 'text', content: 'Sunny, 18°C.' },
          { type: 'tool_call', id: 'call_1', name: 'weather', arguments: { city: 'Paris' } },
        ],
      },
    ]);
    expect(chat?.data['gen_ai.tool.definitions']).toContain('weather');
    expect(tool?.data).toMatchObject({
      'gen_ai.tool.call.arguments': '{"city":"Paris"}',
      'gen_ai.tool.call.result': '"18°C"',
    });
    expect(JSON.stringify(spans)).not.toContain('sk-secret');
  });

  it('lets recordInputs and recordOutputs decide apart from sendDefaultPii', async () => {
    const { spans } = await run({ sendDefaultPii: true }, { recordInputs: false });
    expect(spans[0]?.data['gen_ai.input.messages']).toBeUndefined();
    expect(spans[0]?.data['gen_ai.output.messages']).toBeDefined();
  });

  it('captures a failure once, linked to the innermost span, and marks the spans', async () => {
    const { events, transaction, spans } = await run({}, {}, true);
    expect(events).toHaveLength(1);
    expect(events[0]?.exception?.values?.[0]).toMatchObject({
      type: 'Error',
      value: 'Bad request: model not found',
      mechanism: { type: 'auto.ai.vercelai', handled: false },
    });
    expect(events[0]?.contexts?.trace?.span_id).toBe(spans[0]?.span_id);
    expect(transaction?.contexts?.trace?.status).toBe('internal_error');
  });

  it('accepts every startActiveSpan overload and hostile options', () => {
    const tracer = createVercelAiTracer();
    expect(tracer.startActiveSpan('ai.embed', (span: VercelAiSpan) => (span.end(), 1))).toBe(1);
    expect(tracer.startActiveSpan('ai.embed', {}, {}, () => 2)).toBe(2);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    );
    expect(tracer.startActiveSpan('ai.embed', hostile, () => 3)).toBe(3);
    expect(tracer.startActiveSpan('ai.embed')).toBeUndefined();
    tracer.startSpan('ai.embed.doEmbed', hostile).end([1_777_890_030, 5]);
  });
});
