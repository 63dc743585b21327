import { createEnvelope, createProfileChunkItem, type EnvelopeHeaders } from '../envelope';
import { DEBUG_BUILD, debug, dsnToString, uuid4 } from '../lib';
import { timers, unrefTimer, type TimerHandle } from '../transport';
import type { Client } from '../types';
import { createProfileChunk } from './create-profile-chunk';
import { buildProfile } from './profile-builder';
import type { Recording, SampleCollector } from './sample-collector';
import type { ProfilerEnvironment, RawProfile } from './types';

/** The official SDKs cut a chunk every 60 s (protocol.md §11.2). */
export const DEFAULT_CHUNK_INTERVAL_MS = 60_000;

/** A profiler that runs until stopped and sends `profile_chunk` items as it goes. */
export interface ContinuousProfiler {
  /** One id for the whole process or page: chunks and spans are joined on it. */
  readonly profilerId: string;
  isRunning(): boolean;
  /** Starts sampling (a no-op while running); false when the runtime cannot sample. */
  start(): boolean;
  /** Stops sampling and sends the last chunk (at once when the backend collects synchronously). */
  stop(): void;
  /** Sends what was sampled so far as a chunk, sampling on. */
  flush(): void;
}

/** Creates the continuous profiler of a client; `chunkIntervalMs` is shortened by tests only. */
export function createContinuousProfiler(
  client: Client,
  collector: SampleCollector,
  environment: () => ProfilerEnvironment,
  chunkIntervalMs: number = DEFAULT_CHUNK_INTERVAL_MS,
): ContinuousProfiler {
  const profilerId = uuid4();
  let recording: Recording | undefined;
  let timer: TimerHandle | undefined;

  const send = (collections: RawProfile[]): void => {
    const data = buildProfile(collections, -Infinity, Infinity);
    const env = environment();
    if (data.samples.length < 2) {
      // an empty chunk is no loss: nothing ran; a single sample is one Relay would reject
      if (data.samples.length === 1)
        client.recordDroppedEvent(
          'insufficient_data',
          env.platform === 'javascript' ? 'profile_chunk_ui' : 'profile_chunk',
        );
      return;
    }
    const options = client.getOptions();
    const chunk = createProfileChunk({
      profilerId,
      chunkId: uuid4(),
      data,
      environment: env,
      sdk: options.sdk,
      release: options.release,
      environmentName: options.environment ?? 'production',
    });
    const headers: EnvelopeHeaders = { sdk: { name: options.sdk.name, version: options.sdk.version } };
    const dsn = client.getDsn();
    if (options.tunnel && dsn) headers.dsn = dsnToString(dsn);
    void client.sendEnvelope(createEnvelope(headers, [createProfileChunkItem(chunk)]));
  };

  return {
    profilerId,
    isRunning: () => recording !== undefined,
    start() {
      if (recording) return true;
      recording = collector.open();
      if (!recording) return false;
      DEBUG_BUILD && debug.log(`The continuous profiler ${profilerId} started.`);
      timer = unrefTimer(timers.setInterval(() => recording?.take(send), chunkIntervalMs));
      return true;
    },
    stop() {
      const current = recording;
      if (!current) return;
      recording = undefined;
      if (timer !== undefined) timers.clearInterval(timer);
      timer = undefined;
      DEBUG_BUILD && debug.log(`The continuous profiler ${profilerId} stopped.`);
      current.end(send, true);
    },
    flush() {
      recording?.take(send, true);
    },
  };
}
