import type { ProfileData, ProfilerEnvironment } from './types';

/** A continuous profile chunk (protocol.md §11.2). */
export interface ProfileChunk {
  version: '2';
  profiler_id: string;
  chunk_id: string;
  client_sdk: { name: string; version: string };
  platform: string;
  release?: string;
  environment?: string;
  profile: {
    samples: { timestamp: number; stack_id: number; thread_id: string }[];
    stacks: number[][];
    frames: ProfileData['frames'];
    thread_metadata: Record<string, { name: string }>;
  };
}

/** What a chunk is made of. */
export interface ProfileChunkInput {
  profilerId: string;
  chunkId: string;
  data: ProfileData;
  environment: ProfilerEnvironment;
  sdk: { name: string; version: string };
  release?: string | undefined;
  /** The SDK's environment name (`production`, …). */
  environmentName?: string | undefined;
}

/** Builds the `profile_chunk` payload: sample times as epoch seconds with µs precision. */
export function createProfileChunk(input: ProfileChunkInput): ProfileChunk {
  const { data, environment } = input;
  const threadId = environment.threadId;
  return {
    version: '2',
    profiler_id: input.profilerId,
    chunk_id: input.chunkId,
    client_sdk: { name: input.sdk.name, version: input.sdk.version },
    platform: environment.platform,
    ...(input.release !== undefined && { release: input.release }),
    ...(input.environmentName !== undefined && { environment: input.environmentName }),
    profile: {
      samples: data.samples.map((sample) => ({
        timestamp: Math.round(sample.timestamp * 1e6) / 1e6,
        stack_id: sample.stackId,
        thread_id: threadId,
      })),
      stacks: data.stacks,
      frames: data.frames,
      thread_metadata: { [threadId]: { name: environment.threadName } },
    },
  };
}
