import { ITEM_CATEGORIES } from '../envelope';
import { attempt } from '../lib';
import type { DataCategory, TransportMakeRequestResponse } from '../types';

/** Per category (plus `all`), the epoch ms until which sending is off (protocol.md §3.3). */
export type RateLimits = Partial<Record<DataCategory | 'all', number>>;

/** When neither header says how long, back off this long (protocol.md §3.3). */
export const DEFAULT_RETRY_AFTER_MS = 60_000;

// Every data category (protocol.md §3.3): those of the items, and the ones counted besides.
const KNOWN_CATEGORIES: ReadonlySet<string> = new Set<DataCategory>([
  ...ITEM_CATEGORIES,
  'attachment_item',
  'profile_chunk_ui',
  'log_byte',
  'metric_bucket',
]);

/** Milliseconds to wait from a `Retry-After` value: delta-seconds or an HTTP date; unreadable → 60 s. */
export function parseRetryAfterHeader(header: string, now: number = Date.now()): number {
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - now);
}

/** Until when (epoch ms) a category may not be sent. */
export function disabledUntil(limits: RateLimits, category: DataCategory): number {
  return Math.max(limits[category] ?? 0, limits.all ?? 0);
}

/** True while the category (or everything) is rate limited. */
export function isRateLimited(limits: RateLimits, category: DataCategory, now: number = Date.now()): boolean {
  return disabledUntil(limits, category) > now;
}

/**
 * The limits after a response: `X-Sentry-Rate-Limits` on any status, else `Retry-After` on 429, else
 * 60 s for everything on 429 (protocol.md §3.3). Later deadlines win; the input is not changed.
 */
export function updateRateLimits(
  limits: RateLimits,
  response: TransportMakeRequestResponse,
  now: number = Date.now(),
): RateLimits {
  const updated: RateLimits = { ...limits };
  const extend = (key: DataCategory | 'all', until: number): void => {
    if (until > (updated[key] ?? 0)) updated[key] = until;
  };
  const rateLimitHeader = readHeader(response, 'x-sentry-rate-limits');
  const retryAfterHeader = readHeader(response, 'retry-after');

  if (rateLimitHeader) {
    for (const limit of rateLimitHeader.split(',')) applyLimit(limit, now, extend);
  } else if (response.statusCode === 429) {
    extend('all', now + (retryAfterHeader ? parseRetryAfterHeader(retryAfterHeader, now) : DEFAULT_RETRY_AFTER_MS));
  }
  return updated;
}

// limit = retry_after ":" categories ":" scope [ ":" reason_code [ ":" namespaces ] ] (protocol.md §3.2)
function applyLimit(limit: string, now: number, extend: (key: DataCategory | 'all', until: number) => void): void {
  const trimmed = limit.trim();
  if (trimmed === '') return;
  const [retryAfter = '', categories = '', , , namespaces] = trimmed.split(':');
  const seconds = Number.parseFloat(retryAfter);
  const until = now + (Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_RETRY_AFTER_MS);
  if (categories.trim() === '') {
    extend('all', until);
    return;
  }
  for (const raw of categories.split(';')) {
    const category = raw.trim();
    if (!KNOWN_CATEGORIES.has(category)) continue;
    if (category === 'metric_bucket' && namespaces && !namespaces.split(';').includes('custom')) continue;
    extend(category as DataCategory, until);
  }
}

function readHeader(response: TransportMakeRequestResponse, name: 'x-sentry-rate-limits' | 'retry-after'): string | undefined {
  const value = attempt(() => response.headers?.[name]);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
