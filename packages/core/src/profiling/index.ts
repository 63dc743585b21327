export {
  createContinuousProfiler,
  DEFAULT_CHUNK_INTERVAL_MS,
  type ContinuousProfiler,
} from './continuous-profiler';
export { createProfileChunk, type ProfileChunk, type ProfileChunkInput } from './create-profile-chunk';
export { createProfilingIntegration } from './create-profiling-integration';
export {
  createTransactionProfile,
  linkProfileToTransaction,
  type TransactionLink,
  type TransactionProfile,
  type TransactionProfileInput,
} from './create-transaction-profile';
export { Profile } from './profile';
export { buildProfile, createProfileBuilder, type ProfileBuilder } from './profile-builder';
export { getProfilerControl, type ProfilerControl } from './profiler-registry';
export {
  createSampleCollector,
  type CollectionsCallback,
  type Recording,
  type SampleCollector,
  type SampleCollectorOptions,
} from './sample-collector';
export { getProfilingMode, sampleTransactionProfile, type ProfilingMode } from './sample-profile';
export {
  PROFILER_ID_ATTRIBUTE,
  setupProfiling,
  THREAD_ID_ATTRIBUTE,
  THREAD_NAME_ATTRIBUTE,
  type ProfilingSettings,
  type ProfilingState,
} from './setup-profiling';
export { startProfiler, stopProfiler } from './start-profiler';
export {
  MAX_PROFILE_DURATION_MS,
  MIN_PROFILE_DURATION_MS,
  MIN_PROFILE_SAMPLES,
  type TransactionProfileHandle,
  type TransactionProfiler,
} from './transaction-profiler';
export type {
  ProfileData,
  ProfileFrame,
  ProfileLifecycle,
  ProfilerBackend,
  ProfilerEnvironment,
  ProfilesSamplingContext,
  ProfilingOptions,
  RawProfile,
  RawSample,
} from './types';
