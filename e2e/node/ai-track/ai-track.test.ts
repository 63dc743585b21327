import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Event } from '@sentry-sdk/core';
import {
  errorEventsOf,
  outlineOf,
  runAiSubject,
  transactionsOf,
  type SpanPayload,
} from '../ai-lib/run-ai-subject';
import { useAiServers } from '../ai-lib/use-ai-servers';

const here = import.meta.dirname;
const servers = useAiServers();

interface Output {
  seen: [string, string | null][];
  settled: string[];
  words: number;
}

const spansOf = (transaction: Event): SpanPayload[] => (transaction.spans ?? []) as unknown as SpanPayload[];

const outline = (transaction: Event): string[] => outlineOf(transaction, (span) => span.op !== 'http.client');

describe('aiTrack in Node: nested, sync and async, concurrent pipelines', () => {
  it('gives each pipeline its own transaction and name, never mixing them', async () => {
    const output = JSON.parse(
      await runAiSubject(join(here, 'subject.cjs'), servers.ingest, servers.llm),
    ) as Output;
    expect(output.settled).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(output.words).toBe(3);
    // every step saw its own pipeline, whatever ran in between
    for (const [label, pipeline] of output.seen) {
      const owner = /pipeline-[abc]$/.exec(label)?.[0];
      if (owner) expect(pipeline).toBe(owner);
    }
    expect(output.seen.at(-1)).toEqual(['outside', null]);
    expect(
      output.seen
        .filter(([label]) => label === 'tokenize')
        .map(([, pipeline]) => pipeline)
        .sort(),
    ).toEqual(['pipeline-a', 'pipeline-b', 'pipeline-c', 'sync-pipeline']);

    const transactions = transactionsOf(servers.ingest);
    expect(transactions.map((transaction) => transaction.transaction).sort()).toEqual([
      'pipeline-a',
      'pipeline-b',
      'pipeline-c',
      'sync-pipeline',
    ]);
    for (const transaction of transactions) {
      const name = transaction.transaction!;
      expect(transaction.contexts?.trace).toMatchObject({
        op: 'ai.pipeline',
        data: { 'gen_ai.pipeline.name': name },
      });
      for (const span of spansOf(transaction).filter((item) => item.op !== 'http.client'))
        expect([span.description, span.data['gen_ai.pipeline.name']]).toEqual([span.description, name]);
      if (name === 'sync-pipeline') {
        expect(outline(transaction)).toEqual(['ai.run normalize', '  ai.run tokenize']);
        continue;
      }
      expect(outline(transaction)).toEqual([
        'ai.run retrieve',
        '  ai.run normalize',
        '    ai.run tokenize',
        'ai.run ask model',
        '  gen_ai.chat chat gpt-4o-mini',
        'gen_ai.chat score answer',
      ]);
      const chat = spansOf(transaction).find((span) => span.description === 'chat gpt-4o-mini');
      expect(chat?.data).toMatchObject({
        'gen_ai.usage.total_tokens': 59,
        'gen_ai.response.id': 'chatcmpl-fake1',
      });
      const scored = spansOf(transaction).find((span) => span.description === 'score answer');
      expect(scored?.data).toMatchObject({ 'gen_ai.usage.input_tokens': 3, 'gen_ai.usage.total_tokens': 4 });
    }
  });

  it('captures the error escaping one pipeline once, linked to its pipeline span', async () => {
    await runAiSubject(join(here, 'subject.cjs'), servers.ingest, servers.llm);
    const failed = transactionsOf(servers.ingest).find(
      (transaction) => transaction.transaction === 'pipeline-c',
    )!;
    expect(failed.contexts?.trace?.status).toBe('internal_error');
    const [event, ...others] = errorEventsOf(servers.ingest);
    expect(others).toEqual([]);
    expect(event?.exception?.values?.at(-1)).toMatchObject({
      value: 'pipeline-c could not answer',
      mechanism: { type: 'ai_monitoring', handled: false },
    });
    expect(event?.contexts?.trace).toMatchObject({
      trace_id: failed.contexts?.trace?.trace_id,
      span_id: failed.contexts?.trace?.span_id,
    });
  });
});
