import { createRecordingTransport, assertValidEvent, type RecordingTransport } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Client, initAndBind } from '../client';
import { debug, timestampInSeconds } from '../lib';
import { getCurrentScope, getGlobalScope, getIsolationScope } from '../scope';
import { spanToJSON, startInactiveSpan, startSpan, type Span } from '../tracing';
import type { ClientOptions, Event, Integration } from '../types';
import {
  busyFor,
  CLOCK_ENVIRONMENT,
  createClockBackend,
  type ClockBackend,
} from './clock-backend.test-helper';
import type { ProfileChunk } from './create-profile-chunk';
import { createProfilingIntegration } from './create-profiling-integration';
import type { TransactionProfile } from './create-transaction-profile';
import { Profile } from './profile';
import { startProfiler, stopProfiler } from './start-profiler';

let recording: RecordingTransport;
let clock: ClockBackend;
let client: Client | undefined;

beforeEach(() => {
  recording = createRecordingTransport();
  clock = createClockBackend();
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()])
    scope.clear().setClient(undefined);
});
afterEach(async () => {
  await client?.close(2000);
  client = undefined;
  vi.restoreAllMocks();
});

function profilingIntegration(chunkIntervalMs?: number): Integration {
  return createProfilingIntegration('TestProfiling', () => clock.backend, {
    collector: { collectDelayMs: 10, lingerMs: 0, maxCollectIntervalMs: 60_000 },
    ...(chunkIntervalMs !== undefined && { chunkIntervalMs }),
  });
}

function init(options: Partial<ClientOptions> & { chunkIntervalMs?: number } = {}): Client {
  const { chunkIntervalMs, ...rest } = options;
  client = initAndBind(Client, {
    dsn: 'https://ab12cd34ef56ab12cd34ef56ab12cd34@o4711.ingest.example.org/4711',
    integrations: [profilingIntegration(chunkIntervalMs)],
    stackParser: () => [],
    transport: recording.factory,
    sdk: { name: 'acme.javascript.test', version: '1.2.3' },
    platform: 'node',
    release: 'shop@2.0.0',
    tracesSampleRate: 1,
    ...rest,
  });
  return client;
}

const transactionEnvelopes = () =>
  recording.envelopes.filter(([, items]) => items.some(([headers]) => headers.type === 'transaction'));
const profiles = () => recording.payloads<TransactionProfile>('profile');
const chunks = () => recording.payloads<ProfileChunk>('profile_chunk');
const droppedProfiles = () =>
  recording
    .payloads<{ discarded_events: { reason: string; category: string; quantity: number }[] }>('client_report')
    .flatMap((report) => report.discarded_events)
    .filter((entry) => entry.category.startsWith('profile'));

describe('transaction profiles', () => {
  it('sends a profile in the envelope of its sampled transaction, linked both ways and within its time range', async () => {
    init({ profilesSampleRate: 1 });
    startSpan({ name: 'GET /report', op: 'http.server' }, () => busyFor(60));
    await client!.flush(2000);

    const [envelope] = transactionEnvelopes();
    expect(envelope![1].map(([headers]) => headers.type)).toEqual(['transaction', 'profile']);
    const transaction = envelope![1][0]![1] as Event;
    assertValidEvent(transaction);
    const profile = envelope![1][1]![1] as TransactionProfile;
    expect(transaction.contexts!['profile']).toEqual({ profile_id: profile.event_id });
    expect(profile).toMatchObject({
      version: '1',
      platform: 'node',
      release: 'shop@2.0.0',
      environment: 'production',
      runtime: CLOCK_ENVIRONMENT.runtime,
      os: CLOCK_ENVIRONMENT.os,
      device: CLOCK_ENVIRONMENT.device,
      transaction: {
        id: transaction.event_id,
        name: 'GET /report',
        trace_id: (transaction.contexts!['trace'] as { trace_id: string }).trace_id,
        active_thread_id: '0',
      },
      profile: { thread_metadata: { '0': { name: 'main' } } },
    });
    expect(profile.event_id).toMatch(/^[0-9a-f]{32}$/);
    expect(profile.profile.frames.map((frame) => frame.function)).toEqual(['hot', 'main']);
    expect(profile.profile.stacks).toEqual([[0, 1]]);

    // timestamp + relative times are the transaction's own; every sample falls within it
    const anchor = Date.parse(profile.timestamp) / 1000;
    const link = profile.transaction!;
    expect(anchor + Number(link.relative_start_ns) / 1e9).toBeCloseTo(transaction.start_timestamp!, 5);
    expect(anchor + Number(link.relative_end_ns) / 1e9).toBeCloseTo(transaction.timestamp!, 5);
    const times = profile.profile.samples.map(
      (sample) => anchor + Number(sample.elapsed_since_start_ns) / 1e9,
    );
    expect(times.length).toBeGreaterThanOrEqual(5);
    for (const time of times) {
      expect(time).toBeGreaterThanOrEqual(transaction.start_timestamp! - 1e-6);
      expect(time).toBeLessThanOrEqual(transaction.timestamp! + 1e-6);
    }
    expect(profile.profile.samples.every((sample) => sample.thread_id === '0' && sample.stack_id === 0)).toBe(
      true,
    );
  });

  it('drops the profile of a transaction too short to profile and counts it as insufficient_data', async () => {
    init({ profilesSampleRate: 1 });
    startSpan({ name: 'quick' }, () => undefined);
    await client!.flush(2000);
    expect(transactionEnvelopes()).toHaveLength(1);
    expect(profiles()).toEqual([]);
    expect(transactionEnvelopes()[0]![1][0]![1]).not.toHaveProperty('contexts.profile');
    expect(droppedProfiles()).toEqual([{ reason: 'insufficient_data', category: 'profile', quantity: 1 }]);
  });

  it('profiles what profilesSampler picks, by name and attributes, over profilesSampleRate', async () => {
    const seen: unknown[] = [];
    init({
      profilesSampleRate: 0,
      profilesSampler: (context) => {
        seen.push({ name: context.name, route: context.attributes['route'] });
        return context.name === 'profile me';
      },
    });
    startSpan({ name: 'profile me', attributes: { route: '/a' } }, () => busyFor(30));
    startSpan({ name: 'leave me', attributes: { route: '/b' } }, () => busyFor(30));
    await client!.flush(2000);
    expect(seen).toEqual([
      { name: 'profile me', route: '/a' },
      { name: 'leave me', route: '/b' },
    ]);
    expect(profiles().map((profile) => profile.transaction!.name)).toEqual(['profile me']);
  });

  it('profiles nothing when the rate is 0, the sampler throws, or the transaction is not sampled', async () => {
    init({
      profilesSampler: () => {
        throw new Error('sampler bug');
      },
    });
    startSpan({ name: 'sampler throws' }, () => busyFor(30));
    await client!.flush(2000);
    await client!.close(1000);
    recording = createRecordingTransport();
    init({ profilesSampleRate: 1, tracesSampleRate: 0 });
    startSpan({ name: 'not sampled' }, () => busyFor(30));
    await client!.flush(2000);
    expect(profiles()).toEqual([]);
    expect(clock.calls.start).toBe(0);
  });

  it('sends the transaction without a profile when the runtime cannot profile', async () => {
    clock = createClockBackend({ canStart: false });
    init({ profilesSampleRate: 1 });
    startSpan({ name: 'unprofiled' }, () => busyFor(30));
    await client!.flush(2000);
    expect(transactionEnvelopes()).toHaveLength(1);
    expect(profiles()).toEqual([]);
  });

  it('profiles concurrent transactions from one backend, each trimmed to its own range', async () => {
    init({ profilesSampleRate: 1 });
    const outer = startInactiveSpan({ name: 'outer', parentSpan: null });
    busyFor(30);
    const inner = startInactiveSpan({ name: 'inner', parentSpan: null });
    busyFor(30);
    inner.end();
    busyFor(30);
    outer.end();
    await client!.flush(2000);
    const byName = new Map(profiles().map((profile) => [profile.transaction!.name, profile]));
    expect([...byName.keys()].sort()).toEqual(['inner', 'outer']);
    expect(clock.calls.start).toBe(1);
    const samplesOf = (name: string) => byName.get(name)!.profile.samples.length;
    expect(samplesOf('outer')).toBeGreaterThan(samplesOf('inner'));
    expect(Number(byName.get('inner')!.transaction!.relative_end_ns)).toBeLessThan(
      Number(byName.get('outer')!.transaction!.relative_end_ns),
    );
  });
});

describe('the Profile class', () => {
  it('profiles a sampled transaction until finish(), without any profile sample rate', async () => {
    init();
    let profile: Profile | undefined;
    let finishedAt = 0;
    startSpan({ name: 'python style' }, (span: Span) => {
      profile = new Profile(span);
      busyFor(40);
      profile.finish();
      finishedAt = timestampInSeconds();
      busyFor(40);
    });
    await client!.flush(2000);
    expect(profile!.sampled).toBe(true);
    const [sent] = profiles();
    expect(sent!.event_id).toBe(profile!.profileId);
    const anchor = Date.parse(sent!.timestamp) / 1000;
    const last = Math.max(...sent!.profile.samples.map((s) => Number(s.elapsed_since_start_ns) / 1e9));
    expect(anchor + last).toBeLessThanOrEqual(finishedAt + 0.002);
    // the transaction went on after finish(): the profile ended first
    const [transaction] = recording.payloads<Event>('transaction');
    expect(anchor + Number(sent!.transaction!.relative_end_ns) / 1e9).toBeLessThan(
      transaction!.timestamp! - 0.02,
    );
  });

  it('is inert without a profiling integration', () => {
    client = initAndBind(Client, {
      dsn: 'https://ab12cd34ef56ab12cd34ef56ab12cd34@o4711.ingest.example.org/4711',
      integrations: [],
      stackParser: () => [],
      transport: recording.factory,
      sdk: { name: 'acme.javascript.test', version: '1.2.3' },
      platform: 'node',
      tracesSampleRate: 1,
    });
    const warn = vi.spyOn(debug, 'warn');
    startSpan({ name: 'no integration' }, (span) => {
      const profile = new Profile(span);
      expect(profile.sampled).toBe(false);
      expect(profile.profileId).toBeUndefined();
      profile.finish();
      startProfiler();
      stopProfiler();
    });
    const warnings = warn.mock.calls.map((args) => String(args[0]));
    expect(warnings.filter((message) => message.includes('no profiling integration'))).toHaveLength(3);
  });
});

describe('continuous profiling', () => {
  it('sends chunks on schedule between startProfiler and stopProfiler, and links spans to the profiler', async () => {
    init({ profileSessionSampleRate: 1, chunkIntervalMs: 40 });
    startProfiler();
    let spanData: Record<string, unknown> = {};
    startSpan({ name: 'continuous work' }, () => {
      startSpan({ name: 'child' }, (child) => {
        busyFor(20);
        spanData = spanToJSON(child).data;
      });
    });
    await vi.waitFor(() => expect(chunks().length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    stopProfiler();
    const sentBeforeStop = chunks().length;
    // the last chunk went out synchronously with the stop (a synchronous backend)
    await client!.flush(2000);
    const all = chunks();
    expect(all.length).toBeGreaterThanOrEqual(sentBeforeStop);
    const profilerId = all[0]!.profiler_id;
    expect(profilerId).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(all.map((chunk) => chunk.profiler_id))).toEqual(new Set([profilerId]));
    expect(new Set(all.map((chunk) => chunk.chunk_id)).size).toBe(all.length);
    expect(all[0]).toMatchObject({
      version: '2',
      platform: 'node',
      release: 'shop@2.0.0',
      environment: 'production',
      client_sdk: { name: 'acme.javascript.test', version: '1.2.3' },
      profile: { thread_metadata: { '0': { name: 'main' } } },
    });
    const times = all.flatMap((chunk) => chunk.profile.samples.map((sample) => sample.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const chunkItems = recording.envelopes.flatMap(([, items]) =>
      items.filter(([h]) => h.type === 'profile_chunk'),
    );
    expect(chunkItems.every(([headers]) => headers.platform === 'node')).toBe(true);

    expect(spanData).toMatchObject({ 'thread.id': '0', 'thread.name': 'main', profiler_id: profilerId });
    const [transaction] = recording.payloads<Event>('transaction');
    expect(transaction!.contexts!['profile']).toEqual({ profiler_id: profilerId });
    expect(profiles()).toEqual([]);
    expect(clock.running()).toBe(false);
  });

  it("with profileLifecycle 'trace', profiles while root spans run and ignores startProfiler", async () => {
    init({ profileSessionSampleRate: 1, profileLifecycle: 'trace' });
    startProfiler();
    expect(clock.calls.start).toBe(0);
    const first = startInactiveSpan({ name: 'first', parentSpan: null });
    const second = startInactiveSpan({ name: 'second', parentSpan: null });
    busyFor(30);
    first.end();
    expect(clock.running()).toBe(true);
    second.end();
    expect(clock.running()).toBe(false);
    await client!.flush(2000);
    expect(chunks()).toHaveLength(1);
    const [chunk] = chunks();
    const transactions = recording.payloads<Event>('transaction');
    expect(transactions.map((t) => t.contexts!['profile'])).toEqual([
      { profiler_id: chunk!.profiler_id },
      { profiler_id: chunk!.profiler_id },
    ]);
  });

  it('does nothing in a session that is not sampled', async () => {
    init({ profileSessionSampleRate: 0 });
    startProfiler();
    startSpan({ name: 'unprofiled' }, () => busyFor(30));
    stopProfiler();
    await client!.flush(2000);
    expect(clock.calls.start).toBe(0);
    expect(chunks()).toEqual([]);
    expect(recording.payloads<Event>('transaction')[0]!.contexts).not.toHaveProperty('profile');
  });

  it('sends the running chunk on flush, and the last one on close', async () => {
    init({ profileSessionSampleRate: 1 });
    startProfiler();
    busyFor(20);
    await client!.flush(2000);
    expect(chunks()).toHaveLength(1);
    busyFor(20);
    await client!.close(2000);
    client = undefined;
    expect(chunks()).toHaveLength(2);
    expect(clock.running()).toBe(false);
  });
});
