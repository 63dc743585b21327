import { join } from 'node:path';
import type { Event, SpanJSON } from '@sentry-sdk/core';
import type { ProfileChunk } from '@sentry-sdk/core/internal';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSubject } from '../runtime-lib/run-subject';

const script = join(import.meta.dirname, 'subject.cjs');
const HOT = 'resizeThumbnailsContinuousHotLoop';
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

/** Chunks in the order their samples ran. */
function chunksInOrder(): ProfileChunk[] {
  const chunks = payloads<ProfileChunk>('profile_chunk');
  for (const chunk of chunks) expect(chunk.profile.samples.length).toBeGreaterThanOrEqual(2);
  return chunks.sort((a, b) => a.profile.samples[0]!.timestamp - b.profile.samples[0]!.timestamp);
}

/** Share of a chunk's samples whose innermost application frame is the hot function. */
function hotShare(chunks: ProfileChunk[]): number {
  let hot = 0;
  let all = 0;
  for (const { profile } of chunks) {
    for (const sample of profile.samples) {
      const stack = profile.stacks[sample.stack_id]!.map((i) => profile.frames[i]!);
      if (stack.length === 0) continue; // the thread was idle
      all++;
      if (stack.find((frame) => frame.abs_path !== undefined)?.function === HOT) hot++;
    }
  }
  return hot / all;
}

function checkChunk(chunk: ProfileChunk, profilerId: string): void {
  expect(chunk).toMatchObject({
    version: '2',
    profiler_id: profilerId,
    platform: 'node',
    release: 'worker@1.0.0',
    environment: 'production',
    client_sdk: { name: expect.stringContaining('node'), version: expect.any(String) },
    profile: { thread_metadata: { '0': { name: 'main' } } },
  });
  expect(chunk.chunk_id).toMatch(/^[0-9a-f]{32}$/);
  const times = chunk.profile.samples.map((s) => s.timestamp);
  expect(times).toEqual([...times].sort((a, b) => a - b));
}

describe('continuous profiling with nodeProfilingIntegration (the built SDK)', () => {
  it('manual: sends chunks on schedule while running and the last on stopProfiler, spans linked to the profiler', async () => {
    const result = await runSubject(script, ingest, {
      env: { MODE: 'manual', CHUNK_MS: '500' },
      timeoutMs: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const stoppedAt = Number(/stopped (\S+)/.exec(result.stdout)![1]);

    const chunks = chunksInOrder();
    const profilerId = chunks[0]!.profiler_id;
    expect(profilerId).toMatch(/^[0-9a-f]{32}$/);
    for (const chunk of chunks) checkChunk(chunk, profilerId);
    expect(new Set(chunks.map((c) => c.chunk_id)).size).toBe(chunks.length);
    // chunks were cut while the work ran, not only at the stop: at least two ended before it
    const endedBeforeStop = chunks.filter((c) => c.profile.samples.at(-1)!.timestamp < stoppedAt - 0.05);
    expect(endedBeforeStop.length).toBeGreaterThanOrEqual(2);
    // consecutive chunks follow each other: none overlaps the next
    for (let i = 1; i < chunks.length; i++)
      expect(chunks[i]!.profile.samples[0]!.timestamp).toBeGreaterThan(
        chunks[i - 1]!.profile.samples.at(-1)!.timestamp,
      );
    expect(hotShare(chunks)).toBeGreaterThan(0.6);
    const chunkItems = ingest.received.flatMap(({ envelope }) =>
      envelope[1].filter(([h]) => h.type === 'profile_chunk'),
    );
    expect(chunkItems.every(([headers]) => headers.platform === 'node')).toBe(true);

    // the transaction and its spans carry the profiler id and the thread, which Sentry joins on
    const [transaction] = payloads<Event>('transaction');
    assertValidEvent(transaction);
    expect(transaction!.contexts!['profile']).toEqual({ profiler_id: profilerId });
    expect(transaction!.contexts!['trace']).toMatchObject({
      data: { profiler_id: profilerId, 'thread.id': '0', 'thread.name': 'main' },
    });
    const spans = transaction!.spans as unknown as SpanJSON[];
    expect(spans).toHaveLength(16);
    for (const span of spans)
      expect(span.data).toMatchObject({ profiler_id: profilerId, 'thread.id': '0', 'thread.name': 'main' });
    // the samples of the spans' time ranges are in the chunks: the hot function in each
    const samples = chunks.flatMap((c) => c.profile.samples);
    for (const span of spans) {
      const inSpan = samples.filter(
        (s) => s.timestamp >= span.start_timestamp && s.timestamp <= span.timestamp!,
      );
      expect(inSpan.length).toBeGreaterThan(0);
    }
  });

  it('trace: profiles while the root span runs, without startProfiler, and sends the chunk when it ends', async () => {
    const result = await runSubject(script, ingest, {
      env: { MODE: 'trace', CHUNK_MS: '60000', ROUNDS: '8' },
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(0);
    const chunks = chunksInOrder();
    expect(chunks).toHaveLength(1);
    const [chunk] = chunks;
    checkChunk(chunk!, chunk!.profiler_id);
    expect(hotShare(chunks)).toBeGreaterThan(0.6);
    const [transaction] = payloads<Event>('transaction');
    assertValidEvent(transaction);
    expect(transaction!.contexts!['profile']).toEqual({ profiler_id: chunk!.profiler_id });
    // sampling started with the root span and stopped with it
    const times = chunk!.profile.samples.map((s) => s.timestamp);
    expect(times[0]).toBeGreaterThanOrEqual(transaction!.start_timestamp! - 0.001);
    expect(times.at(-1)).toBeLessThanOrEqual(transaction!.timestamp! + 0.15);
  });
});
