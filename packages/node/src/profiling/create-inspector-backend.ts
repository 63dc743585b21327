import * as os from 'node:os';
import { isMainThread, threadId } from 'node:worker_threads';
import type { ProfilerBackend, ProfilerEnvironment, RawProfile } from '@sentry-sdk/core/internal';
import { convertCpuProfiles } from './convert-cpu-profile';
import { getInspectorSampler, type SamplerSubscription } from './inspector-sampler';
import { createFrameConverter } from './to-profile-frame';

/**
 * A client's profiler backend: V8's CPU profiler through the thread's in-thread `node:inspector`
 * session (protocol.md §11.3), no native addon. Collections are synchronous.
 */
export function createInspectorBackend(options: { intervalUs: number; appRoot: string }): ProfilerBackend {
  const sampler = getInspectorSampler(options.intervalUs);
  const toFrame = createFrameConverter(options.appRoot);
  let subscription: SamplerSubscription | undefined;
  let warm = false;

  const drain = (from: SamplerSubscription | undefined): RawProfile | undefined => {
    const cuts = from?.inbox.splice(0) ?? [];
    return cuts.length ? convertCpuProfiles(cuts, toFrame) : undefined;
  };

  return {
    prepare() {
      if (!warm) warm = sampler.warmUp();
    },
    start() {
      subscription = sampler.subscribe();
      return subscription !== undefined;
    },
    collect() {
      sampler.cut();
      return drain(subscription);
    },
    stop() {
      const last = subscription;
      subscription = undefined;
      if (last) sampler.unsubscribe(last);
      return drain(last);
    },
    close() {
      if (warm) sampler.coolDown();
      warm = false;
    },
    environment: getNodeEnvironment,
  };
}

/** The thread and process the samples come from. */
export function getNodeEnvironment(): ProfilerEnvironment {
  return {
    platform: 'node',
    threadId: String(threadId),
    threadName: isMainThread ? 'main' : `worker ${threadId}`,
    runtime: { name: 'node', version: process.version },
    os: { name: os.type(), version: os.release() },
    device: { architecture: os.arch(), is_emulator: false },
  };
}
