import { describe, expect, it } from 'vitest';
import { CLOCK_ENVIRONMENT } from './clock-backend.test-helper';
import { createTransactionProfile, linkProfileToTransaction } from './create-transaction-profile';
import type { ProfileData } from './types';

const data: ProfileData = {
  frames: [{ function: 'render' }],
  stacks: [[0]],
  samples: [
    { timestamp: 1000.0125, stackId: 0 },
    { timestamp: 1000.5, stackId: 0 },
  ],
};

describe('createTransactionProfile', () => {
  it('anchors times at the start cut to the millisecond, with elapsed and relative times as integer ns strings', () => {
    const profile = createTransactionProfile({
      profileId: 'p'.repeat(32),
      data,
      start: 1000.0105,
      end: 1000.75,
      environment: CLOCK_ENVIRONMENT,
    });
    expect(profile.timestamp).toBe(new Date(1000010).toISOString());
    expect(profile.profile.samples.map((s) => s.elapsed_since_start_ns)).toEqual(['2500000', '490000000']);
    expect(profile.transaction).toMatchObject({ relative_start_ns: '500000', relative_end_ns: '740000000' });
    expect(profile).not.toHaveProperty('transactions');
  });

  it('gives browser profiles a list of transactions, completed from the event as sent', () => {
    const browser = {
      platform: 'javascript',
      threadId: '0',
      threadName: 'main',
      runtime: { name: 'javascript', version: 'UA' },
    };
    const profile = createTransactionProfile({
      profileId: 'p'.repeat(32),
      data,
      start: 1000,
      end: 1001,
      environment: browser,
    });
    expect(profile.os).toEqual({ name: 'unknown', version: '' });
    expect(profile.device).toEqual({ architecture: 'unknown' });
    const linked = linkProfileToTransaction(profile, {
      event_id: 'e'.repeat(32),
      transaction: '/checkout',
      release: 'web@3',
      environment: 'staging',
      contexts: {
        trace: { trace_id: 't'.repeat(32), span_id: 's'.repeat(16) },
        os: { name: 'Windows', version: '11', build: '22631' },
        device: { arch: 'arm64' },
      },
    });
    expect(linked).toMatchObject({
      release: 'web@3',
      environment: 'staging',
      os: { name: 'Windows', version: '11', build_number: '22631' },
      device: { architecture: 'arm64' },
      runtime: { name: 'javascript', version: 'UA' },
      transactions: [
        { id: 'e'.repeat(32), name: '/checkout', trace_id: 't'.repeat(32), active_thread_id: '0' },
      ],
    });
    expect(linked).not.toHaveProperty('transaction');
    // the profile as built is left as it was
    expect(profile.transactions![0]!.id).toBe('');
  });

  it('takes the runtime and the kernel version from the event when it has them', () => {
    const profile = createTransactionProfile({
      profileId: 'p'.repeat(32),
      data,
      start: 1000,
      end: 1001,
      environment: CLOCK_ENVIRONMENT,
    });
    const linked = linkProfileToTransaction(profile, {
      contexts: {
        runtime: { name: 'node', version: 'v22.1.0' },
        os: { name: 'Linux', kernel_version: '6.8.0' },
      },
    });
    expect(linked.runtime).toEqual({ name: 'node', version: 'v22.1.0' });
    expect(linked.os).toEqual({ name: 'Linux', version: '6.8.0' });
    expect(linked.device).toEqual(CLOCK_ENVIRONMENT.device);
  });
});
