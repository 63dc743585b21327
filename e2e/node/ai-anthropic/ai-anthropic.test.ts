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

async function runScenario(nodeArgs: string[], env: Record<string, string> = {}): Promise<SpanPayload[]> {
  const output = await runAiSubject(join(here, 'subject.mjs'), servers.ingest, servers.llm, {
    nodeArgs,
    env,
  });
  expect(output).toContain('stop reason: tool_use');
  expect(output).toContain('helper stop reason: tool_use');
  expect(output).toContain('caught status: 404');
  const [transaction, ...others] = transactionsOf(servers.ingest);
  expect(others).toEqual([]);
  return genAiSpansOf(transaction);
}

const PRELOADED = ['--import', '@sentry-sdk/node/preload', '--import', './instrument.mjs'];

describe('@anthropic-ai/sdk instrumented when the module loads (ES module with the preload)', () => {
  it('records messages spans (plain, streamed, stream helper) with usage including the cache, and no content', async () => {
    const spans = await runScenario(PRELOADED);
    expect(spans.map((span) => [span.op, span.description, span.origin])).toEqual([
      ['gen_ai.chat', 'chat claude-sonnet-4-5', 'auto.ai.anthropic'],
      ['gen_ai.chat', 'chat claude-sonnet-4-5', 'auto.ai.anthropic'],
      ['gen_ai.chat', 'chat claude-sonnet-4-5', 'auto.ai.anthropic'],
      ['gen_ai.chat', 'chat missing-model', 'auto.ai.anthropic'],
    ]);
    const [plain, streamed, helper] = spans;
    expect(plain?.data).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.request.max_tokens': 256,
      'gen_ai.request.temperature': 0.5,
      'gen_ai.request.top_k': 40,
      'gen_ai.response.id': 'msg_01FakeAnthropic',
      'gen_ai.response.model': 'claude-sonnet-4-5-20250929',
      'gen_ai.response.finish_reasons': ['tool_use'],
      'gen_ai.usage.input_tokens': 60,
      'gen_ai.usage.input_tokens.cached': 6,
      'gen_ai.usage.input_tokens.cache_write': 4,
      'gen_ai.usage.output_tokens': 21,
      'gen_ai.usage.total_tokens': 81,
    });
    for (const span of [streamed, helper]) {
      expect(span?.data).toMatchObject({
        'gen_ai.request.stream': true,
        'gen_ai.response.streaming': true,
        'gen_ai.response.id': 'msg_01FakeStream',
        'gen_ai.usage.input_tokens': 30,
        'gen_ai.usage.output_tokens': 15,
        'gen_ai.usage.total_tokens': 45,
      });
    }
    expect(streamed?.data['gen_ai.response.finish_reasons']).toEqual(['end_turn']);
    expect(helper?.data['gen_ai.response.finish_reasons']).toEqual(['tool_use']);
    expect(receivedText(servers.ingest)).not.toContain('SECRET-');
  });

  it('captures the API error linked to its span', async () => {
    const spans = await runScenario(PRELOADED);
    const failed = spans[3]!;
    expect(failed.status).toBe('not_found');
    const [event, ...others] = errorEventsOf(servers.ingest);
    expect(others).toEqual([]);
    expect(event?.exception?.values?.at(-1)?.mechanism).toMatchObject({
      type: 'auto.ai.anthropic',
      handled: false,
    });
    expect(event?.contexts?.trace).toMatchObject({ span_id: failed.span_id });
  });
});

describe('instrumentAnthropicAiClient (no module patching)', () => {
  it('instruments one client and records its content when recordInputs/recordOutputs say so', async () => {
    const spans = await runScenario(['--import', './instrument.mjs'], { MODE: 'manual' });
    expect(spans).toHaveLength(4);
    const [plain, streamed, helper] = spans;
    expect(JSON.parse(plain?.data['gen_ai.system_instructions'] as string)).toEqual([
      { type: 'text', content: 'SECRET-SYSTEM: answer briefly' },
    ]);
    expect(JSON.parse(plain?.data['gen_ai.input.messages'] as string)).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'SECRET-PROMPT: what is the weather in Paris?' }] },
    ]);
    expect(JSON.parse(plain?.data['gen_ai.tool.definitions'] as string)).toEqual([
      expect.objectContaining({
        name: 'get_weather',
        parameters: expect.objectContaining({ type: 'object' }),
      }),
    ]);
    expect(JSON.parse(plain?.data['gen_ai.output.messages'] as string)).toEqual([
      {
        role: 'assistant',
        finish_reason: 'tool_use',
        parts: [
          { type: 'text', content: 'Let me check.' },
          { type: 'tool_call', id: 'toolu_01Fake', name: 'get_weather', arguments: { city: 'Paris' } },
        ],
      },
    ]);
    expect(JSON.parse(streamed?.data['gen_ai.output.messages'] as string)).toEqual([
      { role: 'assistant', finish_reason: 'end_turn', parts: [{ type: 'text', content: COMPLETION_TEXT }] },
    ]);
    expect(JSON.parse(helper?.data['gen_ai.output.messages'] as string)[0].parts).toEqual([
      { type: 'text', content: COMPLETION_TEXT },
      { type: 'tool_call', id: 'toolu_01Stream', name: 'get_weather', arguments: '{"city": "Paris"}' },
    ]);
  });
});
