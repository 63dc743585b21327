import * as inspector from 'node:inspector';
import { threadId } from 'node:worker_threads';
import { DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import type { V8ProfileCut } from './convert-cpu-profile';

/** The keep-alive profile is replaced this often, so that its own samples never pile up. */
const KEEPALIVE_RENEW_MS = 60_000;

/** One client's share of the thread's sampler: every cut lands in every subscriber's inbox. */
export interface SamplerSubscription {
  inbox: V8ProfileCut[];
}

/** The thread's V8 CPU profiler, shared by every client (one inspector session per thread). */
export interface InspectorSampler {
  /** Keeps V8's profiler up from now on (see below); false when the inspector cannot be used. */
  warmUp(): boolean;
  /** Releases a `warmUp`; the last release shuts the profiler down. */
  coolDown(): void;
  /** Starts sampling for one more subscriber. */
  subscribe(): SamplerSubscription | undefined;
  /** Hands what was sampled so far to every subscriber; sampling goes on. */
  cut(): void;
  /** Hands the subscriber its last samples and drops it; the last one stops sampling. */
  unsubscribe(subscription: SamplerSubscription): void;
}

type Post = (method: string, params?: object) => unknown;

let shared: InspectorSampler | undefined;

/**
 * The thread's sampler. V8 tears its CPU profiler down when the session's last profile stops and
 * rebuilds it on the next start, logging every compiled function: tens of ms (more in big apps),
 * and code compiled meanwhile loses its inlined frames. A "keep-alive" profile, started through the
 * inspector's console (`console.profile`), keeps it up from `warmUp` on, so that `Profiler.stop`
 * + `Profiler.start` cost well under a millisecond. It is skipped while the inspector listens for
 * a debugger (`--inspect`) and under `--cpu-prof` (see keepaliveAllowed): profiling then costs more.
 */
export function getInspectorSampler(intervalUs: number): InspectorSampler {
  shared ??= createInspectorSampler(intervalUs);
  return shared;
}

function createInspectorSampler(intervalUs: number): InspectorSampler {
  let session: inspector.Session | undefined;
  let post: Post | undefined;
  let warmth = 0;
  let keepalive: string | undefined;
  let renewTimer: ReturnType<typeof setInterval> | undefined;
  let count = 0;
  const subscribers = new Set<SamplerSubscription>();

  const startKeepalive = (): void => {
    if (!keepaliveAllowed()) return;
    const previous = keepalive;
    keepalive = `sentry-sdk-profiler-keepalive-${process.pid}-${threadId}-${++count}`;
    // the new one first: the profiler stays up across the swap
    inspector.console.profile(keepalive);
    if (previous) inspector.console.profileEnd(previous);
  };

  const connect = (): boolean => {
    if (post) return true;
    try {
      session = new inspector.Session();
      session.connect();
      post = createSyncPost(session);
      post('Profiler.enable');
      post('Profiler.setSamplingInterval', { interval: intervalUs });
      startKeepalive();
      renewTimer = setInterval(() => keepalive && startKeepalive(), KEEPALIVE_RENEW_MS).unref();
      return true;
    } catch (error) {
      DEBUG_BUILD && debug.warn('Profiling: the V8 profiler is not available through node:inspector:', error);
      disconnect();
      return false;
    }
  };

  const disconnect = (): void => {
    if (renewTimer) clearInterval(renewTimer);
    renewTimer = undefined;
    if (keepalive) inspector.console.profileEnd(keepalive);
    keepalive = undefined;
    try {
      session?.disconnect();
    } catch {
      // already gone
    }
    session = post = undefined;
    subscribers.clear();
  };

  const take = (restart: boolean): void => {
    if (!post || subscribers.size === 0) return;
    try {
      const { profile } = post('Profiler.stop') as { profile: inspector.Profiler.Profile };
      if (restart) post('Profiler.start');
      // V8's µs are those of the monotonic clock `process.hrtime` reads: anchor them to wall time now
      const offsetS =
        (performance.timeOrigin + performance.now()) / 1000 - Number(process.hrtime.bigint()) / 1e9;
      for (const subscription of subscribers) subscription.inbox.push({ profile, offsetS });
    } catch (error) {
      DEBUG_BUILD && debug.error('Profiling: the V8 profiler failed; profiling stops:', error);
      disconnect();
    }
  };

  return {
    warmUp() {
      if (!connect()) return false;
      warmth++;
      return true;
    },
    coolDown() {
      warmth = Math.max(0, warmth - 1);
      if (warmth === 0 && subscribers.size === 0) disconnect();
    },
    subscribe() {
      if (!connect()) return undefined;
      try {
        if (subscribers.size === 0) post!('Profiler.start');
      } catch (error) {
        DEBUG_BUILD && debug.warn('Profiling: the V8 profiler could not start:', error);
        return undefined;
      }
      const subscription: SamplerSubscription = { inbox: [] };
      subscribers.add(subscription);
      return subscription;
    },
    cut: () => take(true),
    unsubscribe(subscription) {
      if (!subscribers.has(subscription)) return;
      take(subscribers.size > 1);
      subscribers.delete(subscription);
      if (subscribers.size === 0 && warmth === 0) disconnect();
    },
  };
}

/**
 * Console profiles reach every session that enables the profiler: a debugger's profiler panel (the
 * inspector listens for one) would list them, and Node's own `--cpu-prof` session complains on stderr.
 */
function keepaliveAllowed(): boolean {
  const flags = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].join(' ');
  return inspector.url() === undefined && !flags.includes('--cpu-prof');
}

/** `session.post` as a function that returns the answer: an in-thread session answers before `post` returns. */
function createSyncPost(session: inspector.Session): Post {
  return (method, params) => {
    const reply: { answered: boolean; error?: Error | null; result?: unknown } = { answered: false };
    session.post(method, params ?? {}, (error: Error | null, result?: unknown) => {
      reply.answered = true;
      reply.error = error;
      reply.result = result;
    });
    if (!reply.answered) throw new Error(`the inspector did not answer ${method} synchronously`);
    if (reply.error) throw reply.error;
    return reply.result;
  };
}
