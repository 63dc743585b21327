import { DEBUG_BUILD, debug } from '../lib';
import { getClient } from '../scope';
import type { Span } from '../tracing';
import { getProfilerControl } from './profiler-registry';
import type { TransactionProfileHandle } from './transaction-profiler';

/**
 * The Python SDK's `Profile`: profiles a sampled transaction from now until `finish()` (or until
 * the transaction ends), whatever `profilesSampleRate` says; the profile is sent with the
 * transaction. Needs the runtime's profiling integration.
 * @example const profile = new Profile(transaction); crunch(); profile.finish(); transaction.end();
 */
export class Profile {
  /** The profile's id (its transaction gets `contexts.profile.profile_id`); `undefined` when not profiling. */
  public readonly profileId: string | undefined;
  /** True when the transaction is being profiled. */
  public readonly sampled: boolean;
  private readonly _handle: TransactionProfileHandle | undefined;

  public constructor(transaction: Span) {
    const control = getProfilerControl(getClient());
    let handle: TransactionProfileHandle | undefined;
    try {
      handle = control?.profileTransaction(transaction);
    } catch (error) {
      DEBUG_BUILD && debug.error('Profile: could not start profiling (an SDK error):', error);
    }
    if (!control)
      DEBUG_BUILD && debug.warn('Profile: no profiling integration is installed; nothing is profiled.');
    else if (!handle)
      DEBUG_BUILD && debug.log('Profile: the transaction is not sampled, or the runtime cannot profile.');
    this._handle = handle;
    this.profileId = handle?.profileId;
    this.sampled = handle !== undefined;
  }

  /** Ends the profile now; the transaction's end does it otherwise. Later calls do nothing. */
  public finish(): void {
    try {
      this._handle?.finish();
    } catch (error) {
      DEBUG_BUILD && debug.error('Profile.finish failed (an SDK error):', error);
    }
  }
}
