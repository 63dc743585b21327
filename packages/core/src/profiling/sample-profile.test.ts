import { describe, expect, it } from 'vitest';
import { SentrySpan } from '../tracing';
import { getProfilingMode, sampleTransactionProfile } from './sample-profile';

const span = new SentrySpan({ name: 'GET /a', attributes: { route: '/a' } });

describe('getProfilingMode', () => {
  it('is continuous with profileSessionSampleRate, decided once, manual unless told trace', () => {
    expect(getProfilingMode({ profileSessionSampleRate: 0.5 }, () => 0.4)).toEqual({
      kind: 'continuous',
      lifecycle: 'manual',
      sampled: true,
    });
    expect(getProfilingMode({ profileSessionSampleRate: 0.5, profileLifecycle: 'trace' }, () => 0.6)).toEqual(
      {
        kind: 'continuous',
        lifecycle: 'trace',
        sampled: false,
      },
    );
    expect(getProfilingMode({ profileSessionSampleRate: 1, profilesSampleRate: 1 }).kind).toBe('continuous');
  });

  it('profiles transactions with profilesSampleRate or profilesSampler, and is off without either', () => {
    expect(getProfilingMode({ profilesSampleRate: 0 })).toEqual({ kind: 'transaction' });
    expect(getProfilingMode({ profilesSampler: () => true })).toEqual({ kind: 'transaction' });
    expect(getProfilingMode({})).toEqual({ kind: 'off' });
  });
});

describe('sampleTransactionProfile', () => {
  it('samples by rate, the sampler winning; booleans count as 1 and 0', () => {
    expect(sampleTransactionProfile({ profilesSampleRate: 0.3 }, span, () => 0.29)).toBe(true);
    expect(sampleTransactionProfile({ profilesSampleRate: 0.3 }, span, () => 0.3)).toBe(false);
    expect(sampleTransactionProfile({ profilesSampleRate: 1, profilesSampler: () => false }, span)).toBe(
      false,
    );
    expect(
      sampleTransactionProfile(
        { profilesSampler: ({ attributes }) => (attributes['route'] === '/a' ? 0.5 : 0) },
        span,
        () => 0.1,
      ),
    ).toBe(true);
  });

  it('profiles nothing for invalid rates and throwing samplers', () => {
    expect(sampleTransactionProfile({ profilesSampleRate: 2 }, span, () => 0)).toBe(false);
    expect(
      sampleTransactionProfile({ profilesSampler: () => 'yes' as unknown as number }, span, () => 0),
    ).toBe(false);
    const throwing = () => {
      throw new Error('bug');
    };
    expect(sampleTransactionProfile({ profilesSampler: throwing }, span, () => 0)).toBe(false);
  });
});
