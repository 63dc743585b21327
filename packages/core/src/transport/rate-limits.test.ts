import { describe, expect, it } from 'vitest';
import { isRateLimited, parseRetryAfterHeader, updateRateLimits } from './rate-limits';

const NOW = 1_777_890_000_000;
const response = (statusCode: number, headers: { limits?: string; retryAfter?: string } = {}) => ({
  statusCode,
  headers: { 'x-sentry-rate-limits': headers.limits ?? null, 'retry-after': headers.retryAfter ?? null },
});

describe('updateRateLimits', () => {
  it('reads the protocol example: several limits, several categories, spaces and reason codes', () => {
    const limits = updateRateLimits({}, response(429, { limits: '60:transaction:key, 2700:error;default:organization:org_quota' }), NOW);
    expect(limits).toEqual({ transaction: NOW + 60_000, error: NOW + 2_700_000, default: NOW + 2_700_000 });
    expect(isRateLimited(limits, 'error', NOW + 61_000)).toBe(true);
    expect(isRateLimited(limits, 'transaction', NOW + 61_000)).toBe(false);
    expect(isRateLimited(limits, 'session', NOW)).toBe(false);
  });

  it('applies a limit without categories to every category, also on a 200', () => {
    const limits = updateRateLimits({}, response(200, { limits: '10::organization' }), NOW);
    expect(isRateLimited(limits, 'session', NOW + 9_000)).toBe(true);
    expect(isRateLimited(limits, 'session', NOW + 11_000)).toBe(false);
  });

  it('ignores unknown categories (unknown is not all) and extra fields; decimal seconds are fine', () => {
    const limits = updateRateLimits({}, response(200, { limits: '5:monitor_seat:org, 1.5:uptime;span:key:r:ns:extra' }), NOW);
    expect(limits).toEqual({ span: NOW + 1_500 });
  });

  it('keeps the later of an old and a new deadline', () => {
    const first = updateRateLimits({}, response(200, { limits: '100:error:key' }), NOW);
    const second = updateRateLimits(first, response(200, { limits: '10:error:key, 200:span:key' }), NOW);
    expect(second).toEqual({ error: NOW + 100_000, span: NOW + 200_000 });
    expect(first).toEqual({ error: NOW + 100_000 });
  });

  it('backs off 60 s for an unparsable retry_after', () => {
    expect(updateRateLimits({}, response(200, { limits: 'soon:error:key' }), NOW)).toEqual({ error: NOW + 60_000 });
  });

  it('applies metric_bucket only when its namespaces include custom or are absent', () => {
    expect(updateRateLimits({}, response(200, { limits: '5:metric_bucket:org:r:spans' }), NOW)).toEqual({});
    expect(updateRateLimits({}, response(200, { limits: '5:metric_bucket:org:r:custom;spans' }), NOW)).toEqual({
      metric_bucket: NOW + 5_000,
    });
  });

  it('on 429 uses Retry-After seconds or an HTTP date, and 60 s without headers', () => {
    expect(updateRateLimits({}, response(429, { retryAfter: '42' }), NOW)).toEqual({ all: NOW + 42_000 });
    const date = new Date(NOW + 90_000).toUTCString();
    expect(updateRateLimits({}, response(429, { retryAfter: date }), NOW)).toEqual({ all: NOW + 90_000 });
    expect(updateRateLimits({}, response(429), NOW)).toEqual({ all: NOW + 60_000 });
    expect(updateRateLimits({}, { statusCode: 429 }, NOW)).toEqual({ all: NOW + 60_000 });
  });

  it('ignores Retry-After on other statuses and changes nothing on a plain 200', () => {
    expect(updateRateLimits({}, response(503, { retryAfter: '42' }), NOW)).toEqual({});
    expect(updateRateLimits({}, response(200), NOW)).toEqual({});
  });
});

describe('parseRetryAfterHeader', () => {
  it('reads seconds and dates, and falls back to 60 s', () => {
    expect(parseRetryAfterHeader('3', NOW)).toBe(3_000);
    expect(parseRetryAfterHeader(new Date(NOW + 5_000).toUTCString(), NOW)).toBe(5_000);
    expect(parseRetryAfterHeader('whenever', NOW)).toBe(60_000);
  });
});
