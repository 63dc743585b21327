import { createProfileItem, type Envelope } from '../envelope';
import { DEBUG_BUILD, debug, readProperty, timestampInSeconds, uuid4 } from '../lib';
import { spanToJSON, type Span } from '../tracing';
import type { Client, Event } from '../types';
import {
  createTransactionProfile,
  linkProfileToTransaction,
  type TransactionProfile,
} from './create-transaction-profile';
import { buildProfile } from './profile-builder';
import type { Recording, SampleCollector } from './sample-collector';
import type { ProfilerEnvironment, RawProfile } from './types';

/** Relay rejects profiles whose samples span more than 30 s (protocol.md §11.1): none records longer. */
export const MAX_PROFILE_DURATION_MS = 30_000;
/** Profiles of transactions shorter than this are dropped (`insufficient_data`): too few samples to tell anything. */
export const MIN_PROFILE_DURATION_MS = 20;
/** Relay rejects profiles of fewer samples (protocol.md §11.1). */
export const MIN_PROFILE_SAMPLES = 2;
/** Transactions profiled at once at most; beyond, a transaction goes unprofiled. */
const MAX_CONCURRENT_PROFILES = 1000;
/** Profiles waiting for their transaction's envelope at most (a transaction dropped later leaves one behind). */
const MAX_WAITING_PROFILES = 50;
/** A profile whose transaction never reached the pipeline (a filter dropped it first) is forgotten after this. */
const FORGET_AFTER_S = 60;

/** A transaction being profiled; `finish` ends its profile before the transaction ends. */
export interface TransactionProfileHandle {
  profileId: string;
  finish(): void;
}

/** Profiles transactions (v1 `profile` items in their transaction's envelope). */
export interface TransactionProfiler {
  /** Starts profiling the root span's transaction (the same handle when it already is). */
  profile(root: Span): TransactionProfileHandle | undefined;
  /** Ends the profile of a root span that ended. */
  onRootEnd(root: Span): void;
  /** Links a transaction event to its profile, once the profile's samples are collected. */
  processEvent(event: Event): Event | Promise<Event>;
  /** Adds the profile item of a transaction to the envelope that carries it. */
  onBeforeEnvelope(envelope: Envelope): void;
}

interface ActiveProfile {
  handle: TransactionProfileHandle;
  recording: Recording;
  start: number;
  end: number | undefined;
  collections: Promise<RawProfile[]> | undefined;
  /** Ended before MIN_PROFILE_DURATION_MS: nothing was collected. */
  tooShort: boolean;
}

/** Creates the transaction profiler of a client. */
export function createTransactionProfiler(
  client: Client,
  collector: SampleCollector,
  environment: () => ProfilerEnvironment,
): TransactionProfiler {
  const active = new Map<string, ActiveProfile>();
  const waiting = new Map<string, TransactionProfile>();
  let lastSweep = timestampInSeconds();

  const forgetStale = (now: number): void => {
    if (now - lastSweep < FORGET_AFTER_S / 6) return;
    lastSweep = now;
    for (const [spanId, profile] of active)
      if (profile.end !== undefined && now - profile.end > FORGET_AFTER_S) active.delete(spanId);
  };

  const endProfile = (profile: ActiveProfile, end: number): void => {
    if (profile.collections || profile.tooShort) return;
    profile.end = end;
    if ((end - profile.start) * 1000 < MIN_PROFILE_DURATION_MS) {
      // most transactions of a busy server: no collection, no promise
      profile.recording.cancel();
      profile.tooShort = true;
    } else {
      profile.collections = new Promise((resolve) => profile.recording.end(resolve));
    }
  };

  const drop = (samples: number): undefined => {
    DEBUG_BUILD &&
      debug.log(
        `A profile has ${samples} sample(s) (fewer than ${MIN_PROFILE_SAMPLES}) or is too short; dropped.`,
      );
    client.recordDroppedEvent('insufficient_data', 'profile');
    return undefined;
  };

  const complete = (profile: ActiveProfile, collections: RawProfile[]): TransactionProfile | undefined => {
    const start = profile.start;
    const end = Math.min(profile.end ?? timestampInSeconds(), start + MAX_PROFILE_DURATION_MS / 1000);
    const data = buildProfile(collections, start, end);
    if (data.samples.length < MIN_PROFILE_SAMPLES) return drop(data.samples.length);
    const profileId = profile.handle.profileId;
    return createTransactionProfile({ profileId, data, start, end, environment: environment() });
  };

  return {
    profile(root) {
      const { span_id: spanId, start_timestamp: start } = spanToJSON(root);
      const existing = active.get(spanId);
      if (existing) return existing.handle;
      forgetStale(timestampInSeconds());
      if (active.size >= MAX_CONCURRENT_PROFILES) {
        DEBUG_BUILD &&
          debug.warn(`${MAX_CONCURRENT_PROFILES} transactions are being profiled; this one is not.`);
        return undefined;
      }
      const recording = collector.open(MAX_PROFILE_DURATION_MS);
      if (!recording) return undefined;
      const profile: ActiveProfile = {
        handle: { profileId: uuid4(), finish: () => endProfile(profile, timestampInSeconds()) },
        recording,
        start,
        end: undefined,
        collections: undefined,
        tooShort: false,
      };
      active.set(spanId, profile);
      return profile.handle;
    },

    onRootEnd(root) {
      const { span_id: spanId, timestamp } = spanToJSON(root);
      const profile = active.get(spanId);
      if (profile) endProfile(profile, timestamp ?? timestampInSeconds());
    },

    processEvent(event) {
      if (event.type !== 'transaction') return event;
      const spanId = readProperty(event.contexts?.['trace'], 'span_id');
      const profile = typeof spanId === 'string' ? active.get(spanId) : undefined;
      if (!profile) return event;
      active.delete(spanId as string);
      endProfile(profile, timestampInSeconds());
      if (!profile.collections) {
        drop(0);
        return event;
      }
      return profile.collections.then((collections) => {
        const built = complete(profile, collections);
        if (!built) return event;
        if (waiting.size >= MAX_WAITING_PROFILES) waiting.delete(waiting.keys().next().value as string);
        waiting.set(built.event_id, built);
        event.contexts = { ...event.contexts, profile: { profile_id: built.event_id } };
        return event;
      });
    },

    onBeforeEnvelope(envelope) {
      if (waiting.size === 0) return;
      for (const [headers, payload] of [...envelope[1]]) {
        if (headers.type !== 'transaction') continue;
        const profileId = readProperty(
          readProperty(readProperty(payload, 'contexts'), 'profile'),
          'profile_id',
        );
        const profile = typeof profileId === 'string' ? waiting.get(profileId) : undefined;
        if (!profile) continue;
        waiting.delete(profileId as string);
        envelope[1].push(createProfileItem(linkProfileToTransaction(profile, payload as Event)));
      }
    },
  };
}
