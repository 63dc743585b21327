import { isoTimestamp, readProperty } from '../lib';
import type { Event } from '../types';
import type { ProfileData, ProfilerEnvironment } from './types';

/** A transaction profile (protocol.md §11.1) before it knows its transaction's final form. */
export interface TransactionProfile {
  event_id: string;
  version: '1';
  platform: string;
  timestamp: string;
  release?: string;
  environment?: string;
  runtime?: { name: string; version: string };
  os: { name: string; version: string; build_number?: string };
  device: {
    architecture: string;
    is_emulator?: boolean;
    locale?: string;
    manufacturer?: string;
    model?: string;
  };
  transaction?: TransactionLink;
  transactions?: TransactionLink[];
  profile: {
    samples: { elapsed_since_start_ns: string; stack_id: number; thread_id: string }[];
    stacks: number[][];
    frames: ProfileData['frames'];
    thread_metadata: Record<string, { name: string }>;
  };
}

/** The profile's link to its transaction. */
export interface TransactionLink {
  id: string;
  name: string;
  trace_id: string;
  active_thread_id: string;
  relative_start_ns: string;
  relative_end_ns: string;
}

/** What a transaction profile is made of. */
export interface TransactionProfileInput {
  profileId: string;
  data: ProfileData;
  /** The transaction's start and end, epoch seconds: samples are relative to the start. */
  start: number;
  end: number;
  environment: ProfilerEnvironment;
}

/**
 * Builds the `profile` payload. Sample times are ns since `timestamp`, the transaction's start cut
 * to the millisecond an ISO string holds, so that `timestamp` + elapsed is exact.
 */
export function createTransactionProfile(input: TransactionProfileInput): TransactionProfile {
  const { data, start, end, environment } = input;
  const anchor = Math.floor(start * 1000) / 1000;
  const threadId = environment.threadId;
  const profile: TransactionProfile = {
    event_id: input.profileId,
    version: '1',
    platform: environment.platform,
    timestamp: isoTimestamp(new Date(anchor * 1000)),
    ...(environment.runtime && { runtime: { ...environment.runtime } }),
    os: { ...(environment.os ?? { name: 'unknown', version: '' }) },
    device: { ...(environment.device ?? { architecture: 'unknown' }) },
    profile: {
      samples: data.samples.map((sample) => ({
        elapsed_since_start_ns: toNanoseconds(sample.timestamp - anchor),
        stack_id: sample.stackId,
        thread_id: threadId,
      })),
      stacks: data.stacks,
      frames: data.frames,
      thread_metadata: { [threadId]: { name: environment.threadName } },
    },
  };
  // id, name and trace are filled in once the event is final (linkProfileToTransaction)
  const link: TransactionLink = {
    id: '',
    name: '',
    trace_id: '',
    active_thread_id: threadId,
    relative_start_ns: toNanoseconds(start - anchor),
    relative_end_ns: toNanoseconds(end - anchor),
  };
  // browser profiles carry a list of transactions, the others one (protocol.md §11.1)
  if (environment.platform === 'javascript') profile.transactions = [link];
  else profile.transaction = link;
  return profile;
}

/**
 * Completes a profile from the transaction event as it is sent: its id, name and trace, release
 * and environment, and the event's `os`, `device` and `runtime` contexts where it has them.
 */
export function linkProfileToTransaction(profile: TransactionProfile, event: Event): TransactionProfile {
  const contexts = event.contexts ?? {};
  const traceId = readProperty(contexts['trace'], 'trace_id');
  const linked: TransactionProfile = { ...profile };
  const links = (profile.transactions ?? (profile.transaction ? [profile.transaction] : [])).map((link) => ({
    ...link,
    id: event.event_id ?? '',
    name: event.transaction ?? '',
    trace_id: typeof traceId === 'string' ? traceId : '',
  }));
  if (profile.transactions) linked.transactions = links;
  else if (links[0]) linked.transaction = links[0];
  if (event.release !== undefined) linked.release = event.release;
  if (event.environment !== undefined) linked.environment = event.environment;
  const os = readOs(contexts['os']);
  if (os) linked.os = os;
  const architecture = readProperty(contexts['device'], 'arch');
  if (typeof architecture === 'string' && architecture) linked.device = { ...profile.device, architecture };
  const runtimeName = readProperty(contexts['runtime'], 'name');
  const runtimeVersion = readProperty(contexts['runtime'], 'version');
  if (typeof runtimeName === 'string' && typeof runtimeVersion === 'string')
    linked.runtime = { name: runtimeName, version: runtimeVersion };
  return linked;
}

function readOs(value: unknown): TransactionProfile['os'] | undefined {
  const name = readProperty(value, 'name');
  if (typeof name !== 'string' || !name) return undefined;
  const version = readProperty(value, 'version');
  const kernel = readProperty(value, 'kernel_version');
  const build = readProperty(value, 'build');
  return {
    name,
    version: typeof version === 'string' ? version : typeof kernel === 'string' ? kernel : '',
    ...(typeof build === 'string' && { build_number: build }),
  };
}

/** Seconds as a string of integer nanoseconds (never negative). */
export function toNanoseconds(seconds: number): string {
  return String(Math.max(0, Math.round(seconds * 1e9)));
}
