import { join } from 'node:path';
import type { Event } from '@sentry-sdk/core';
import type { TransactionProfile } from '@sentry-sdk/core/internal';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSubject } from '../runtime-lib/run-subject';

const script = join(import.meta.dirname, 'subject.cjs');
const HOT = 'crunchQuarterlyNumbersHotLoop';
let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await ingest.close();
});

const payloads = <T>(type: string): T[] =>
  ingest.received.flatMap(({ envelope }) =>
    envelope[1].filter(([h]) => h.type === type).map(([, p]) => p as T),
  );

describe('a transaction profiled by nodeProfilingIntegration (the built SDK, V8 profiler)', () => {
  it('sends a profile in which the hot function dominates, within the transaction, beside it in its envelope', async () => {
    const result = await runSubject(script, ingest, { timeoutMs: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('report ready\n');
    expect(result.code).toBe(0);

    const envelope = ingest.received.find(({ envelope: [, items] }) =>
      items.some(([h]) => h.type === 'transaction'),
    )!;
    const items = envelope.envelope[1];
    expect(items.map(([h]) => h.type)).toEqual(['transaction', 'profile']);
    const transaction = items[0]![1] as Event;
    const profile = items[1]![1] as TransactionProfile;
    assertValidEvent(transaction);
    expect(transaction.transaction).toBe('quarterly report');
    expect(transaction.contexts!['profile']).toEqual({ profile_id: profile.event_id });
    expect(profile).toMatchObject({
      version: '1',
      platform: 'node',
      release: 'reports@3.1.0',
      environment: 'production',
      runtime: { name: 'node', version: process.version },
      os: { name: expect.any(String), version: expect.any(String) },
      device: { architecture: process.arch },
      transaction: { id: transaction.event_id, name: 'quarterly report', active_thread_id: '0' },
      profile: { thread_metadata: { '0': { name: 'main' } } },
    });
    expect(profile.transaction!.trace_id).toBe(
      (transaction.contexts!['trace'] as { trace_id: string }).trace_id,
    );

    // the hot function dominates: the innermost application frame of most samples
    const { frames, stacks, samples } = profile.profile;
    expect(samples.length).toBeGreaterThanOrEqual(20);
    const hotFrame = frames.findIndex((frame) => frame.function === HOT);
    expect(frames[hotFrame]).toMatchObject({
      abs_path: script,
      filename: script,
      module: 'subject',
      in_app: true,
    });
    const innermost = new Map<string, number>();
    for (const sample of samples) {
      const frame = stacks[sample.stack_id]!.map((i) => frames[i]!).find((f) => f.abs_path !== undefined);
      const name = frame?.function ?? '(no application frame)';
      innermost.set(name, (innermost.get(name) ?? 0) + 1);
    }
    const ranking = [...innermost].sort((a, b) => b[1] - a[1]);
    expect(ranking[0]![0]).toBe(HOT);
    expect(ranking[0]![1] / samples.length).toBeGreaterThan(0.6);
    // stacks run leaf first: the hot function is called by the span callback, never the other way round
    for (const stack of stacks.filter((s) => s.includes(hotFrame))) {
      const names = stack.map((i) => frames[i]!.function);
      expect(names.indexOf('startSpan')).toBeGreaterThan(names.indexOf(HOT));
    }

    // every sample falls inside the transaction
    const anchor = Date.parse(profile.timestamp) / 1000;
    for (const sample of samples) {
      const time = anchor + Number(sample.elapsed_since_start_ns) / 1e9;
      expect(time).toBeGreaterThanOrEqual(transaction.start_timestamp!);
      expect(time).toBeLessThanOrEqual(transaction.timestamp!);
    }
    expect(samples.map((s) => Number(s.elapsed_since_start_ns))).toEqual(
      samples.map((s) => Number(s.elapsed_since_start_ns)).sort((a, b) => a - b),
    );
  });

  it('drops the profile of a transaction too short to profile, and says so in a client report', async () => {
    const result = await runSubject(script, ingest, { env: { WORK_MS: '0' }, timeoutMs: 30_000 });
    expect(result.code).toBe(0);
    const [transaction] = payloads<Event>('transaction');
    assertValidEvent(transaction);
    expect(transaction!.contexts).not.toHaveProperty('profile');
    expect(payloads('profile')).toEqual([]);
    const discarded = payloads<{
      discarded_events: { reason: string; category: string; quantity: number }[];
    }>('client_report').flatMap((report) => report.discarded_events);
    expect(discarded).toContainEqual({ reason: 'insufficient_data', category: 'profile', quantity: 1 });
  });
});
