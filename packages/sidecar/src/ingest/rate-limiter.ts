import { getItemCategory } from '@sentry-sdk/core/internal';

/** One rule of an `X-Sentry-Rate-Limits` value: `retry_after:categories:scope[:reason_code]`. */
export interface RateLimitRule {
  retryAfter: number;
  /** Empty means every category. */
  categories: string[];
  /** The rule as it goes back on the wire. */
  text: string;
}

/** What the configured limits do to one envelope. */
export interface RateLimitVerdict {
  /** Indexes of the items that are dropped. */
  dropped: Set<number>;
  headers: Record<string, string>;
}

/** Test rate limits the sidecar answers with, set by `--rate-limit` or `POST /api/_test/rate-limit`. */
export interface RateLimiter {
  /** The current limits in header syntax, or undefined. */
  get(): string | undefined;
  /** Sets (or with undefined/empty, clears) the limits; throws RangeError on a malformed value. */
  set(limits: string | undefined): void;
  /** Which items of an envelope the limits drop, with the headers to answer with; undefined when none. */
  check(itemTypes: readonly string[]): RateLimitVerdict | undefined;
}

/** Parses `60:error;transaction:key, 30::organization` (protocol.md §3.2); throws RangeError when malformed. */
export function parseRateLimits(value: string): RateLimitRule[] {
  return value
    .split(',')
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .map((text) => {
      const [retryAfter = '', categories = '', scope = 'key', ...rest] = text.split(':');
      const seconds = Number(retryAfter);
      if (retryAfter === '' || !Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError(`rate limit "${text}": retry_after must be a number of seconds`);
      }
      if (!/^[a-z_;]*$/.test(categories))
        throw new RangeError(`rate limit "${text}": categories look like error;transaction`);
      return {
        retryAfter: seconds,
        categories: categories.split(';').filter((category) => category.length > 0),
        text: [retryAfter, categories, scope || 'key', ...rest].join(':'),
      };
    });
}

/** A rate limiter holding `initial` limits (header syntax) until changed. */
export function createRateLimiter(initial?: string): RateLimiter {
  let rules: RateLimitRule[] = initial ? parseRateLimits(initial) : [];
  return {
    get: () => (rules.length > 0 ? rules.map((rule) => rule.text).join(', ') : undefined),
    set(limits) {
      rules = limits ? parseRateLimits(limits) : [];
    },
    check(itemTypes) {
      const dropped = new Set<number>();
      const matched = new Set<RateLimitRule>();
      itemTypes.forEach((type, index) => {
        const category = getItemCategory(type);
        // client reports are never rate limited on their own (protocol.md §2.4)
        if (category === 'internal') return;
        for (const rule of rules) {
          if (rule.categories.length === 0 || rule.categories.includes(category)) {
            dropped.add(index);
            matched.add(rule);
          }
        }
      });
      if (dropped.size === 0) return undefined;
      const limits = [...matched];
      return {
        dropped,
        headers: {
          'x-sentry-rate-limits': limits.map((rule) => rule.text).join(', '),
          'retry-after': String(Math.ceil(Math.max(...limits.map((rule) => rule.retryAfter)))),
        },
      };
    },
  };
}
