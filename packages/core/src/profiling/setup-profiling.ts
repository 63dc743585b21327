import { callGuarded, DEBUG_BUILD, debug, readProperty } from '../lib';
import { getRootSpan, spanIsSampled, type Span } from '../tracing';
import type { Client, Event } from '../types';
import { createContinuousProfiler, type ContinuousProfiler } from './continuous-profiler';
import { registerProfilerControl } from './profiler-registry';
import { createSampleCollector, type SampleCollectorOptions } from './sample-collector';
import {
  getProfilingMode,
  readProfilingOptions,
  sampleTransactionProfile,
  type ProfilingMode,
} from './sample-profile';
import { createTransactionProfiler, type TransactionProfiler } from './transaction-profiler';
import type { ProfilerBackend, ProfilerEnvironment } from './types';

/** Span attributes that link spans to continuous profile chunks (protocol.md §11.2). */
export const THREAD_ID_ATTRIBUTE = 'thread.id';
export const THREAD_NAME_ATTRIBUTE = 'thread.name';
export const PROFILER_ID_ATTRIBUTE = 'profiler_id';

/** How a runtime's profiling integration runs its backend. */
export interface ProfilingSettings {
  collector: SampleCollectorOptions;
  /** Continuous chunks are cut this often (default 60 s; tests shorten it). */
  chunkIntervalMs?: number;
}

/** What the integration keeps per client. */
export interface ProfilingState {
  /** Links a transaction event to its profile or profiler. */
  processEvent(event: Event): Event | PromiseLike<Event>;
  /** Handles a root span that started before the integration was set up (a page load). */
  adoptRootSpan(span: Span): void;
}

/**
 * Wires profiling into a client (protocol.md §11): transaction profiles on sampled root spans, or
 * a continuous profiler started by `startProfiler()` (lifecycle `manual`) or by root spans (`trace`),
 * as the client's options ask. Registers the client's `ProfilerControl`.
 */
export function setupProfiling(
  client: Client,
  backend: ProfilerBackend,
  settings: ProfilingSettings,
): ProfilingState {
  const options = readProfilingOptions(client.getOptions());
  const mode = getProfilingMode(options);
  let env: ProfilerEnvironment | undefined;
  const environment = (): ProfilerEnvironment => (env ??= backend.environment());
  const collector = createSampleCollector(backend, settings.collector);
  const transactions = createTransactionProfiler(client, collector, environment);
  const continuous = createContinuousProfiler(client, collector, environment, settings.chunkIntervalMs);
  // roots seen (sampled once), and roots that keep a `trace` lifecycle profiler running
  const seen = new WeakSet<Span>();
  const traced = new WeakSet<Span>();
  let activeRoots = 0;

  const onRootStart = (root: Span): void => {
    if (!spanIsSampled(root) || seen.has(root)) return;
    seen.add(root);
    if (mode.kind === 'transaction' && sampleTransactionProfile(options, root)) transactions.profile(root);
    if (mode.kind === 'continuous' && mode.lifecycle === 'trace' && mode.sampled) {
      traced.add(root);
      activeRoots++;
      continuous.start();
    }
  };
  const onSpanStart = (span: Span): void => {
    if (getRootSpan(span) === span) onRootStart(span);
    if (continuous.isRunning()) linkSpan(span, continuous, environment());
  };
  const onSpanEnd = (span: Span): void => {
    if (getRootSpan(span) !== span) return;
    transactions.onRootEnd(span);
    if (traced.delete(span) && --activeRoots === 0) continuous.stop();
  };

  // `new Profile(transaction)` profiles whatever the mode, so ends and envelopes are always watched
  client.on('spanEnd', onSpanEnd);
  client.on('beforeEnvelope', (envelope) => transactions.onBeforeEnvelope(envelope));
  client.on('close', () => {
    continuous.stop();
    collector.close();
  });
  if (mode.kind === 'off') {
    DEBUG_BUILD &&
      debug.log(
        'Profiling is installed but off: set profilesSampleRate (or profilesSampler) or profileSessionSampleRate.',
      );
  } else {
    if (mode.kind === 'transaction' || mode.sampled)
      callGuarded('The profiler backend prepare', () => backend.prepare?.(), undefined);
    client.on('spanStart', onSpanStart);
    client.on('flush', () => continuous.flush());
  }
  registerProfilerControl(client, createControl(mode, continuous, transactions));

  return {
    processEvent(event) {
      if (event.type !== 'transaction') return event;
      const profilerId = readProperty(readProperty(event.contexts?.['trace'], 'data'), PROFILER_ID_ATTRIBUTE);
      if (typeof profilerId === 'string')
        event.contexts = { ...event.contexts, profile: { profiler_id: profilerId } };
      return transactions.processEvent(event);
    },
    adoptRootSpan(span) {
      if (mode.kind !== 'off' && getRootSpan(span) === span) onSpanStart(span);
    },
  };
}

function linkSpan(span: Span, continuous: ContinuousProfiler, env: ProfilerEnvironment): void {
  span.setAttributes({
    [THREAD_ID_ATTRIBUTE]: env.threadId,
    [THREAD_NAME_ATTRIBUTE]: env.threadName,
    [PROFILER_ID_ATTRIBUTE]: continuous.profilerId,
  });
}

function createControl(
  mode: ProfilingMode,
  continuous: ContinuousProfiler,
  transactions: TransactionProfiler,
) {
  const canControl = (what: string): boolean => {
    if (mode.kind !== 'continuous') {
      DEBUG_BUILD && debug.warn(`${what}: set profileSessionSampleRate for continuous profiling.`);
      return false;
    }
    if (mode.lifecycle === 'trace') {
      DEBUG_BUILD &&
        debug.warn(`${what}: profileLifecycle is "trace", so root spans start and stop the profiler.`);
      return false;
    }
    if (!mode.sampled)
      DEBUG_BUILD && debug.log(`${what}: this profiling session is not sampled (profileSessionSampleRate).`);
    return mode.sampled;
  };
  return {
    startProfiler() {
      if (canControl('startProfiler') && !continuous.start())
        DEBUG_BUILD && debug.warn('startProfiler: this runtime cannot profile.');
    },
    stopProfiler() {
      if (canControl('stopProfiler')) continuous.stop();
    },
    profileTransaction(span: Span) {
      const root = getRootSpan(span);
      return spanIsSampled(root) ? transactions.profile(root) : undefined;
    },
  };
}
