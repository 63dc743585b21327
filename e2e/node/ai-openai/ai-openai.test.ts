import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPLETION_TEXT } from '../ai-lib/fake-llm';
import {
  errorEventsOf,
  genAiSpansOf,
  receivedText,
  runAiSubject,
  transactionsOf,
  type SpanPayload,
} from '../ai-lib/run-ai-subject';
import { useAiServers } from '../ai-lib/use-ai-servers';

const here = import.meta.dirname;
const servers = useAiServers();

async function runScenario(env: Record<string, string> = {}): Promise<SpanPayload[]> {
  const output = await runAiSubject(join(here, 'subject.cjs'), servers.ingest, servers.llm, { env });
  expect(output).toContain('tool call: get_weather');
  expect(output).toContain('caught status: 404');
  const [transaction, ...others] = transactionsOf(servers.ingest);
  expect(others).toEqual([]);
  expect(transaction?.transaction).toBe('openai scenario');
  return genAiSpansOf(transaction);
}

const named = (spans: SpanPayload[], description: string, index = 0): SpanPayload =>
  spans.filter((span) => span.description === description)[index]!;

describe('openai (CommonJS, instrumented when required after init)', () => {
  it('records chat, streamed chat, responses and embeddings spans with parameters and token usage, and no content', async () => {
    const spans = await runScenario();
    expect(spans.map((span) => [span.op, span.description])).toEqual([
      ['gen_ai.chat', 'chat gpt-4o-mini'],
      ['gen_ai.chat', 'chat gpt-4o-mini'],
      ['gen_ai.chat', 'chat gpt-4o-mini'],
      ['gen_ai.chat', 'chat gpt-4o-mini'],
      ['gen_ai.embeddings', 'embeddings text-embedding-3-small'],
      ['gen_ai.chat', 'chat missing-model'],
    ]);
    const [chat, streamed, response, streamedResponse, embeddings] = spans;
    expect(chat).toMatchObject({
      origin: 'auto.ai.openai',
      data: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.system': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.request.temperature': 0.3,
        'gen_ai.request.max_tokens': 100,
        'gen_ai.response.id': 'chatcmpl-fake1',
        'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
        'gen_ai.response.finish_reasons': ['tool_calls'],
        'gen_ai.usage.input_tokens': 42,
        'gen_ai.usage.input_tokens.cached': 10,
        'gen_ai.usage.output_tokens': 17,
        'gen_ai.usage.output_tokens.reasoning': 5,
        'gen_ai.usage.total_tokens': 59,
      },
    });
    expect(streamed?.data).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.streaming': true,
      'gen_ai.response.id': 'chatcmpl-fake2',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 30,
      'gen_ai.usage.output_tokens': 9,
      'gen_ai.usage.total_tokens': 39,
    });
    expect(streamed?.data['gen_ai.response.time_to_first_token']).toBeGreaterThan(0);
    expect(response?.data).toMatchObject({
      'gen_ai.response.id': 'resp_fake1',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 25,
      'gen_ai.usage.output_tokens': 11,
      'gen_ai.usage.output_tokens.reasoning': 3,
      'gen_ai.usage.total_tokens': 36,
    });
    expect(streamedResponse?.data).toMatchObject({
      'gen_ai.response.streaming': true,
      'gen_ai.usage.total_tokens': 36,
    });
    expect(embeddings?.data).toMatchObject({
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.response.model': 'text-embedding-3-small',
      'gen_ai.usage.input_tokens': 8,
      'gen_ai.usage.total_tokens': 8,
    });
    for (const span of spans) {
      expect(
        Object.keys(span.data).filter((key) =>
          /messages|instructions|definitions|embeddings\.input/.test(key),
        ),
      ).toEqual([]);
    }
    expect(receivedText(servers.ingest)).not.toContain('SECRET-');
  });

  it('captures an API error as an unhandled event linked to its span, which gets the status of the HTTP error', async () => {
    const spans = await runScenario();
    const failed = named(spans, 'chat missing-model');
    expect(failed.status).toBe('not_found');
    const [event, ...others] = errorEventsOf(servers.ingest);
    expect(others).toEqual([]);
    expect(event?.exception?.values?.at(-1)).toMatchObject({
      value: '404 The model `missing-model` does not exist',
      mechanism: { type: 'auto.ai.openai', handled: false },
    });
    expect(event?.contexts?.trace).toMatchObject({ span_id: failed.span_id });
  });

  it('records prompts, system instructions, tool definitions and completions with sendDefaultPii', async () => {
    const spans = await runScenario({ SEND_PII: '1' });
    const [chat, streamed, response, , embeddings] = spans;
    expect(JSON.parse(chat?.data['gen_ai.input.messages'] as string)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'SECRET-PROMPT: what is the weather in Paris?' }] },
    ]);
    expect(JSON.parse(chat?.data['gen_ai.system_instructions'] as string)).toEqual([
      { type: 'text', content: 'SECRET-SYSTEM: answer in one sentence' },
    ]);
    expect(JSON.parse(chat?.data['gen_ai.tool.definitions'] as string)).toEqual([
      expect.objectContaining({
        type: 'function',
        name: 'get_weather',
        description: 'The current weather of a city',
      }),
    ]);
    expect(JSON.parse(chat?.data['gen_ai.output.messages'] as string)).toEqual([
      {
        role: 'assistant',
        finish_reason: 'tool_calls',
        parts: [
          { type: 'tool_call', id: 'call_weather1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        ],
      },
    ]);
    expect(JSON.parse(streamed?.data['gen_ai.output.messages'] as string)).toEqual([
      { role: 'assistant', finish_reason: 'stop', parts: [{ type: 'text', content: COMPLETION_TEXT }] },
    ]);
    expect(response?.data['gen_ai.output.messages']).toContain(COMPLETION_TEXT);
    expect(response?.data['gen_ai.system_instructions']).toContain('SECRET-SYSTEM');
    expect(embeddings?.data['gen_ai.embeddings.input']).toBe('SECRET-PROMPT: what is the weather in Paris?');
  });

  it('records content when openAIIntegration asks for it, without sendDefaultPii', async () => {
    const spans = await runScenario({ RECORD: '1' });
    expect(spans[0]?.data['gen_ai.input.messages']).toContain('SECRET-PROMPT');
    expect(spans[1]?.data['gen_ai.output.messages']).toContain(COMPLETION_TEXT);
  });
});

describe('openai (ES module with the preload)', () => {
  it('instruments the imported client', async () => {
    await runAiSubject(join(here, 'subject.mjs'), servers.ingest, servers.llm, {
      nodeArgs: ['--import', '@sentry-sdk/node/preload', '--import', './instrument.mjs'],
    });
    const [transaction] = transactionsOf(servers.ingest);
    expect(genAiSpansOf(transaction)).toEqual([
      expect.objectContaining({
        op: 'gen_ai.chat',
        description: 'chat gpt-4o-mini',
        origin: 'auto.ai.openai',
      }),
    ]);
    expect(receivedText(servers.ingest)).not.toContain('SECRET-');
  });
});
