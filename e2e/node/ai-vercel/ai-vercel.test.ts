import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Event } from '@sentry-sdk/core';
import { COMPLETION_TEXT } from '../ai-lib/fake-llm';
import {
  errorEventsOf,
  genAiSpansOf,
  outlineOf,
  receivedText,
  runAiSubject,
  transactionsOf,
} from '../ai-lib/run-ai-subject';
import { useAiServers } from '../ai-lib/use-ai-servers';

const here = import.meta.dirname;
const servers = useAiServers();

async function runScenario(script: string, env: Record<string, string> = {}): Promise<Event> {
  const output = await runAiSubject(join(here, script), servers.ingest, servers.llm, { env });
  expect(output).toContain('steps: 2');
  expect(output).toContain('caught: 404');
  const [transaction, ...others] = transactionsOf(servers.ingest);
  expect(others).toEqual([]);
  return transaction!;
}

const outline = (transaction: Event): string[] =>
  outlineOf(transaction, (span) => span.op?.startsWith('gen_ai.') === true);

const EXPECTED_OUTLINE = [
  'gen_ai.invoke_agent invoke_agent weather-agent',
  '  gen_ai.chat chat gpt-4o-mini',
  '  gen_ai.execute_tool execute_tool get_weather',
  '  gen_ai.chat chat gpt-4o-mini',
  'gen_ai.invoke_agent invoke_agent streamText',
  '  gen_ai.chat chat gpt-4o-mini',
  'gen_ai.embeddings embeddings text-embedding-3-small',
  '  gen_ai.embeddings embeddings text-embedding-3-small',
  'gen_ai.invoke_agent invoke_agent generateText',
  '  gen_ai.chat chat missing-model',
];

describe('the ai package (CommonJS, telemetry turned on by vercelAIIntegration)', () => {
  it('records agent, model, tool and embeddings spans with token usage, and no content', async () => {
    const transaction = await runScenario('subject.cjs');
    expect(outline(transaction)).toEqual(EXPECTED_OUTLINE);
    const [agent, firstChat, tool, , , streamedChat, embed] = genAiSpansOf(transaction);
    expect(agent).toMatchObject({
      origin: 'auto.ai.vercelai',
      data: {
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.agent.name': 'weather-agent',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.usage.input_tokens': 84,
        'gen_ai.usage.output_tokens': 34,
        'gen_ai.usage.total_tokens': 118,
      },
    });
    expect(firstChat?.data).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.request.temperature': 0.2,
      'gen_ai.response.id': 'chatcmpl-fake1',
      'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
      'gen_ai.response.finish_reasons': ['tool-calls'],
      'gen_ai.usage.input_tokens': 42,
      'gen_ai.usage.input_tokens.cached': 10,
      'gen_ai.usage.output_tokens': 17,
      'gen_ai.usage.output_tokens.reasoning': 5,
      'gen_ai.usage.total_tokens': 59,
    });
    expect(tool?.data).toMatchObject({
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'get_weather',
      'gen_ai.tool.call.id': 'call_weather1',
    });
    expect(streamedChat?.data).toMatchObject({
      'gen_ai.response.streaming': true,
      'gen_ai.usage.total_tokens': 39,
    });
    expect(embed?.data).toMatchObject({
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.usage.input_tokens': 8,
    });
    const text = receivedText(servers.ingest);
    expect(text).not.toContain('SECRET-');
    expect(text).not.toContain('"ai.prompt');
  });

  it('captures the failed model call once, linked to its chat span', async () => {
    const transaction = await runScenario('subject.cjs');
    const failed = genAiSpansOf(transaction).find((span) => span.description === 'chat missing-model')!;
    expect(failed.status).toBe('internal_error');
    const [event, ...others] = errorEventsOf(servers.ingest);
    expect(others).toEqual([]);
    expect(event?.exception?.values?.at(-1)).toMatchObject({
      value: 'The model `missing-model` does not exist',
      mechanism: { type: 'auto.ai.vercelai', handled: false },
    });
    expect(event?.contexts?.trace).toMatchObject({ span_id: failed.span_id });
  });

  it('records prompts, completions and tool input/output with sendDefaultPii', async () => {
    const transaction = await runScenario('subject.cjs', { SEND_PII: '1' });
    const [agent, firstChat, tool, secondChat] = genAiSpansOf(transaction);
    expect(JSON.parse(agent?.data['gen_ai.input.messages'] as string)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'SECRET-PROMPT: what is the weather in Paris?' }] },
    ]);
    expect(JSON.parse(agent?.data['gen_ai.system_instructions'] as string)).toEqual([
      { type: 'text', content: 'SECRET-SYSTEM: answer briefly' },
    ]);
    expect(JSON.parse(firstChat?.data['gen_ai.output.messages'] as string)).toEqual([
      {
        role: 'assistant',
        finish_reason: 'tool-calls',
        parts: [
          { type: 'tool_call', id: 'call_weather1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        ],
      },
    ]);
    expect(firstChat?.data['gen_ai.tool.definitions']).toContain('get_weather');
    expect(tool?.data).toMatchObject({
      'gen_ai.tool.call.arguments': '{"city":"Paris"}',
      'gen_ai.tool.call.result': '{"city":"Paris","forecast":"SECRET-TOOL-RESULT: sunny"}',
    });
    expect(secondChat?.data['gen_ai.output.messages']).toContain(COMPLETION_TEXT);
  });
});

describe('the ai package (ES module, no patching): experimental_telemetry: createVercelAiTelemetry()', () => {
  it('reports the same spans, with content when the helper asks for it', async () => {
    const transaction = await runScenario('subject.mjs');
    expect(outline(transaction)).toEqual(EXPECTED_OUTLINE);
    const [agent, , , secondChat, , , embed] = genAiSpansOf(transaction);
    expect(agent?.data['gen_ai.input.messages']).toContain('SECRET-PROMPT');
    expect(secondChat?.data['gen_ai.output.messages']).toContain(COMPLETION_TEXT);
    expect(embed?.data['gen_ai.embeddings.input']).toBe('SECRET-PROMPT: what is the weather in Paris?');
  });
});
