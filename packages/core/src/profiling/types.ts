import type { SpanAttributes } from '../tracing';

/** One frame of a sampled profile (protocol.md §11.1): Relay's profiling frame fields. */
export interface ProfileFrame {
  function?: string;
  abs_path?: string;
  filename?: string;
  module?: string;
  /** 1-based. */
  lineno?: number;
  /** 1-based. */
  colno?: number;
  in_app?: boolean;
}

/** One sample: when it was taken (epoch seconds, float) and which stack ran. */
export interface RawSample {
  timestamp: number;
  stackId: number;
}

/**
 * What a sampler backend hands over at each collection: frames, stacks as frame indices leaf
 * first, and samples. Collections are independent: indices are only valid within one.
 */
export interface RawProfile {
  frames: ProfileFrame[];
  stacks: number[][];
  samples: RawSample[];
}

/** Where the samples come from: the thread, the runtime and the machine (protocol.md §11.1). */
export interface ProfilerEnvironment {
  platform: string;
  threadId: string;
  threadName: string;
  runtime?: { name: string; version: string };
  os?: { name: string; version: string; build_number?: string };
  device?: {
    architecture: string;
    is_emulator?: boolean;
    locale?: string;
    manufacturer?: string;
    model?: string;
  };
}

/**
 * The plug point of a runtime's sampler (Node's V8 CPU profiler, the browser's JS Self-Profiling
 * API). Only the sample collector calls it, one call at a time; none of its methods may throw.
 */
export interface ProfilerBackend {
  /** Called once profiling is certain to be used, so that the first `start` is quick (optional). */
  prepare?(): void;
  /** Begins sampling; false when this runtime cannot sample (the reason is logged by the backend). */
  start(): boolean;
  /** The samples since `start` or the previous collection, sampling on without a gap. */
  collect(): RawProfile | undefined | PromiseLike<RawProfile | undefined>;
  /** Stops sampling; gives the samples since the previous collection. */
  stop(): RawProfile | undefined | PromiseLike<RawProfile | undefined>;
  /** Releases what `prepare` holds; called when the client closes (optional). */
  close?(): void;
  /** The thread and runtime the samples describe. */
  environment(): ProfilerEnvironment;
}

/** What `profilesSampler` receives: the sampled transaction's name and attributes. */
export interface ProfilesSamplingContext {
  name: string;
  attributes: SpanAttributes;
  [key: string]: unknown;
}

/** When continuous profiling runs: on `startProfiler()`/`stopProfiler()`, or while root spans are active. */
export type ProfileLifecycle = 'manual' | 'trace';

/** The profiling options of `init` (types/options.ts). */
export interface ProfilingOptions {
  profilesSampleRate?: number | undefined;
  profilesSampler?: ((samplingContext: ProfilesSamplingContext) => number | boolean) | undefined;
  profileSessionSampleRate?: number | undefined;
  profileLifecycle?: ProfileLifecycle | undefined;
}

/** Frames, deduplicated stacks and samples of one profile, samples in time order. */
export interface ProfileData {
  frames: ProfileFrame[];
  stacks: number[][];
  samples: RawSample[];
}
