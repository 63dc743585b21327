import type { Span } from '../tracing';
import type { Client } from '../types';
import type { TransactionProfileHandle } from './transaction-profiler';

/** What the profiling integration of a client offers to the API functions and the `Profile` class. */
export interface ProfilerControl {
  startProfiler(): void;
  stopProfiler(): void;
  /** Profiles the transaction of a sampled span, whatever the sample rates say. */
  profileTransaction(span: Span): TransactionProfileHandle | undefined;
}

const controls = new WeakMap<Client, ProfilerControl>();

/** @internal Called by the profiling integration when it is set up on a client. */
export function registerProfilerControl(client: Client, control: ProfilerControl): void {
  controls.set(client, control);
}

/** The profiling integration set up on a client, if any. */
export function getProfilerControl(client: Client | undefined): ProfilerControl | undefined {
  return client ? controls.get(client) : undefined;
}
