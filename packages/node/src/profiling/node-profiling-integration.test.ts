import * as inspector from 'node:inspector';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  close,
  getCurrentScope,
  setAsyncContextStrategy,
  startSpan,
  type Event,
  type Integration,
} from '@sentry-sdk/core';
import type { TransactionProfile } from '@sentry-sdk/core/internal';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { init } from '../sdk';
import { nodeProfilingIntegration } from './node-profiling-integration';

// Handlers of process-wide events would interfere with the test runner's own; HTTP instrumentation
// would trace the in-process ingest server's own requests.
const LEFT_OUT = ['OnUncaughtException', 'OnUnhandledRejection', 'GracefulShutdown', 'Http', 'NodeFetch'];

let ingest: IngestServer;
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await close(2000);
  getCurrentScope().setClient(undefined);
  setAsyncContextStrategy(undefined);
  await ingest.close();
});

function initProfiling(): void {
  init({
    dsn: ingest.dsn,
    tracesSampleRate: 1,
    profilesSampleRate: 1,
    integrations: (defaults: Integration[]) => [
      ...defaults.filter((integration) => !LEFT_OUT.includes(integration.name)),
      nodeProfilingIntegration(),
    ],
  });
}

// The CPU-bound work the profiles must show, one function per test: V8 reports the frames of a
// function inlined into optimized code only when that code was compiled while it profiled, and
// each test starts a new client (and profiler).
function unitTestHotLoop(ms: number): number {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) x += Math.sqrt(x + 1);
  return x;
}
function hotLoopBesideAnotherProfiler(ms: number): number {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) x += Math.cbrt(x + 1);
  return x;
}
function hotLoopWhileDebuggerListens(ms: number): number {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) x += Math.log1p(x + 1);
  return x;
}

async function profileOfOneTransaction(
  work: () => void,
): Promise<{ transaction: Event; profile: TransactionProfile }> {
  const before = ingest.received.length;
  startSpan({ name: 'crunch' }, work);
  const received = (await ingest.waitForEnvelopes(before + 1))[before]!;
  const items = received.envelope[1];
  const transaction = items.find(([h]) => h.type === 'transaction')![1] as Event;
  const profile = items.find(([h]) => h.type === 'profile')?.[1] as TransactionProfile;
  assertValidEvent(transaction);
  expect(profile).toBeDefined();
  return { transaction, profile };
}

/** Share of samples whose stack has the hot loop. */
function hotShare(profile: TransactionProfile, name: string): number {
  const { frames, stacks, samples } = profile.profile;
  const hot = samples.filter((sample) => stacks[sample.stack_id]!.some((f) => frames[f]!.function === name));
  return hot.length / samples.length;
}

describe('nodeProfilingIntegration', () => {
  it('profiles a transaction with the V8 profiler: the hot function, in app, at its place in this file', async () => {
    initProfiling();
    const { transaction, profile } = await profileOfOneTransaction(() => unitTestHotLoop(300));
    expect(transaction.contexts!['profile']).toEqual({ profile_id: profile.event_id });
    expect(profile).toMatchObject({ platform: 'node', runtime: { name: 'node', version: process.version } });
    expect(profile.profile.samples.length).toBeGreaterThanOrEqual(10);
    expect(hotShare(profile, 'unitTestHotLoop')).toBeGreaterThan(0.5);
    const hot = profile.profile.frames.find((frame) => frame.function === 'unitTestHotLoop')!;
    expect(hot).toMatchObject({
      abs_path: import.meta.filename,
      in_app: true,
      module: expect.stringContaining('node-profiling-integration.test'),
    });
    expect(hot.lineno).toBeGreaterThan(30);
  });

  it('profiles while another inspector session runs its own CPU profile, which keeps its samples', async () => {
    const other = new inspector.Session();
    other.connect();
    other.post('Profiler.enable');
    other.post('Profiler.start');
    try {
      initProfiling();
      const { profile } = await profileOfOneTransaction(() => hotLoopBesideAnotherProfiler(300));
      expect(hotShare(profile, 'hotLoopBesideAnotherProfiler')).toBeGreaterThan(0.5);
    } finally {
      let theirs: inspector.Profiler.Profile | undefined;
      other.post('Profiler.stop', (_error, result) => (theirs = result?.profile));
      other.disconnect();
      expect(theirs!.samples!.length).toBeGreaterThan(10);
    }
  });

  it('keeps the V8 profiler up with a console profile, but not while a debugger may attach', async () => {
    const watcher = new inspector.Session();
    watcher.connect();
    watcher.post('Profiler.enable');
    const started: string[] = [];
    watcher.on('Profiler.consoleProfileStarted', ({ params }) => started.push(params.title ?? ''));
    try {
      initProfiling();
      await profileOfOneTransaction(() => unitTestHotLoop(50));
      expect(started.some((title) => title.startsWith('sentry-sdk-profiler-keepalive'))).toBe(true);
      await close(2000);
      started.length = 0;

      inspector.open(0, '127.0.0.1', false);
      expect(inspector.url()).toBeDefined();
      initProfiling();
      const { profile } = await profileOfOneTransaction(() => hotLoopWhileDebuggerListens(300));
      expect(hotShare(profile, 'hotLoopWhileDebuggerListens')).toBeGreaterThan(0.5);
      expect(started).toEqual([]);
    } finally {
      inspector.close();
      watcher.disconnect();
    }
  });
});
