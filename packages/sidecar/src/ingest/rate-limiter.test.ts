import { describe, expect, it } from 'vitest';
import { createRateLimiter, parseRateLimits } from './rate-limiter';

describe('parseRateLimits', () => {
  it('reads the X-Sentry-Rate-Limits grammar: retry_after:categories:scope[:reason]', () => {
    expect(parseRateLimits('60:transaction:key, 2700:error;default:organization:org_quota')).toEqual([
      { retryAfter: 60, categories: ['transaction'], text: '60:transaction:key' },
      {
        retryAfter: 2700,
        categories: ['error', 'default'],
        text: '2700:error;default:organization:org_quota',
      },
    ]);
    expect(parseRateLimits('10:')).toEqual([{ retryAfter: 10, categories: [], text: '10::key' }]);
  });

  it('refuses limits that an SDK could not read', () => {
    expect(() => parseRateLimits('later:error')).toThrow(RangeError);
    expect(() => parseRateLimits('-5:error')).toThrow(RangeError);
    expect(() => parseRateLimits('60:Error!')).toThrow(RangeError);
  });
});

describe('createRateLimiter', () => {
  it('drops the items of the limited categories and names the limits that matched', () => {
    const limiter = createRateLimiter('60:error:key, 30:monitor:key, 10:span:key');
    const verdict = limiter.check(['event', 'attachment', 'check_in']);
    expect([...verdict!.dropped]).toEqual([0, 2]);
    expect(verdict!.headers).toEqual({
      'x-sentry-rate-limits': '60:error:key, 30:monitor:key',
      'retry-after': '60',
    });
    expect(limiter.check(['transaction'])).toBeUndefined();
  });

  it('limits every category for empty categories, but never client reports on their own', () => {
    const limiter = createRateLimiter('5::organization');
    expect([...limiter.check(['event', 'client_report', 'log'])!.dropped]).toEqual([0, 2]);
  });

  it('changes and clears its limits', () => {
    const limiter = createRateLimiter();
    expect(limiter.get()).toBeUndefined();
    limiter.set('1:log_item');
    expect(limiter.get()).toBe('1:log_item:key');
    expect(limiter.check(['log'])?.headers['retry-after']).toBe('1');
    limiter.set(undefined);
    expect(limiter.check(['log'])).toBeUndefined();
  });
});
