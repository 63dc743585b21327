import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { Event } from '../types';
import { getAiPipelineName, setAiPipelineName, startSpan, withScope } from '../index';
import { aiTrack } from './ai-track';
import { recordTokenUsage } from './record-token-usage';

type SpanData = {
  op?: string;
  description?: string;
  span_id: string;
  parent_span_id?: string;
  data: Record<string, unknown>;
};

const traced = (fn: () => unknown) => withCapturedEnvelopes(fn, { tracesSampleRate: 1 });
const spansOf = (transaction: Event | undefined): SpanData[] => (transaction?.spans ?? []) as SpanData[];

describe('aiTrack', () => {
  it('opens an ai.pipeline span for the outermost call and ai.run spans inside it (sync)', async () => {
    const seen: (string | undefined)[] = [];
    const retrieve = aiTrack('retrieve documents')((query: string) => {
      seen.push(getAiPipelineName());
      return [`doc about ${query}`];
    });
    const answer = aiTrack('support answer')((question: string) => {
      seen.push(getAiPipelineName());
      return retrieve(question).length;
    });
    const { transactions } = await traced(() => {
      expect(answer('refunds')).toBe(1);
      expect(getAiPipelineName()).toBeUndefined();
    });
    expect(seen).toEqual(['support answer', 'support answer']);
    const [transaction] = transactions;
    expect(transaction?.transaction).toBe('support answer');
    expect(transaction?.contexts?.trace).toMatchObject({
      op: 'ai.pipeline',
      data: { 'gen_ai.pipeline.name': 'support answer' },
    });
    expect(spansOf(transaction)).toEqual([
      expect.objectContaining({
        op: 'ai.run',
        description: 'retrieve documents',
        data: expect.objectContaining({ 'gen_ai.pipeline.name': 'support answer' }),
      }),
    ]);
  });

  it('keeps the pipeline across awaits and ends spans when promises settle (async)', async () => {
    const step = aiTrack('rank')(async (items: number[]) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [...items].sort();
    });
    const pipeline = aiTrack('recommend', { attributes: { 'app.tenant': 'acme' } })(async () => {
      const ranked = await step([3, 1, 2]);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { ranked, pipeline: getAiPipelineName() };
    });
    const { transactions } = await traced(async () => {
      expect(await pipeline()).toEqual({ ranked: [1, 2, 3], pipeline: 'recommend' });
    });
    const [transaction] = transactions;
    expect(transaction?.contexts?.trace?.data).toMatchObject({
      'gen_ai.pipeline.name': 'recommend',
      'app.tenant': 'acme',
    });
    expect(spansOf(transaction).map((span) => [span.op, span.description])).toEqual([['ai.run', 'rank']]);
  });

  it('works as a method decorator and keeps `this`', async () => {
    class Agent {
      public readonly prefix = 'plan:';

      @aiTrack('plan trip')
      public plan(city: string): string {
        return `${this.prefix}${city}`;
      }
    }
    const { transactions } = await traced(() => {
      expect(new Agent().plan('Lyon')).toBe('plan:Lyon');
    });
    expect(transactions[0]?.contexts?.trace?.op).toBe('ai.pipeline');
  });

  it('captures an error escaping the pipeline once, unhandled, linked to the span it left, and re-throws it', async () => {
    const failure = new Error('model refused');
    const inner = aiTrack('call model')(async () => {
      await Promise.resolve();
      throw failure;
    });
    const outer = aiTrack('agent')(() => inner());
    const { events, transactions } = await traced(async () => {
      await expect(outer()).rejects.toBe(failure);
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.exception?.values?.[0]).toMatchObject({
      value: 'model refused',
      mechanism: { type: 'ai_monitoring', handled: false },
    });
    const [run] = spansOf(transactions[0]);
    expect(events[0]?.contexts?.trace?.span_id).toBe(run?.span_id);
    expect(transactions[0]?.contexts?.trace?.status).toBe('internal_error');
  });

  it('joins a pipeline named with setAiPipelineName as a nested run', async () => {
    const step = aiTrack('summarise')(() => getAiPipelineName());
    const { transactions } = await traced(() =>
      withScope(() => {
        setAiPipelineName('nightly digest');
        return startSpan({ name: 'job' }, () => expect(step()).toBe('nightly digest'));
      }),
    );
    expect(spansOf(transactions[0])[0]).toMatchObject({
      op: 'ai.run',
      data: { 'gen_ai.pipeline.name': 'nightly digest' },
    });
  });

  it('returns non-functions unchanged', () => {
    expect(aiTrack('x')(42 as never)).toBe(42);
  });
});

describe('recordTokenUsage', () => {
  it('writes gen_ai.usage.* with the derived total and the pipeline name', async () => {
    const track = aiTrack('chat bot')(() =>
      startSpan({ name: 'chat gpt-4o-mini', op: 'gen_ai.chat' }, (span) =>
        recordTokenUsage(span, {
          inputTokens: 120,
          inputTokensCached: 20,
          outputTokens: 48,
          outputTokensReasoning: 8,
        }),
      ),
    );
    const { transactions } = await traced(() => track());
    expect(spansOf(transactions[0])[0]?.data).toMatchObject({
      'gen_ai.usage.input_tokens': 120,
      'gen_ai.usage.input_tokens.cached': 20,
      'gen_ai.usage.cache_read.input_tokens': 20,
      'gen_ai.usage.output_tokens': 48,
      'gen_ai.usage.output_tokens.reasoning': 8,
      'gen_ai.usage.reasoning.output_tokens': 8,
      'gen_ai.usage.total_tokens': 168,
      'gen_ai.pipeline.name': 'chat bot',
    });
  });

  it('keeps a given total, ignores counts that are not non-negative numbers and never throws', async () => {
    const { transactions } = await traced(() =>
      startSpan({ name: 'root' }, (span) => {
        recordTokenUsage(span, { inputTokens: -1, outputTokens: Number.NaN, totalTokens: 7 });
        recordTokenUsage(undefined as never, { inputTokens: 1 });
        recordTokenUsage(
          span,
          new Proxy(
            {},
            {
              get: () => {
                throw new Error('hostile');
              },
            },
          ),
        );
      }),
    );
    const data = (transactions[0]?.contexts?.trace?.data ?? {}) as Record<string, unknown>;
    expect(data['gen_ai.usage.total_tokens']).toBe(7);
    expect(data['gen_ai.usage.input_tokens']).toBeUndefined();
    expect(data['gen_ai.usage.output_tokens']).toBeUndefined();
  });
});
