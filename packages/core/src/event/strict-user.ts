import type { User } from '../types';
import type { Normalizer } from './normalize';
import { nonEmpty } from './pick-typed';
import { assign, ownEntries } from './strict-maps';

const STRING_FIELDS = ['email', 'ip_address', 'username', 'name', 'segment', 'sentry_user'];
const GEO_FIELDS = ['city', 'country_code', 'region', 'subdivision'];

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function strictGeo(value: unknown): Record<string, string> | undefined {
  const entries = ownEntries(value);
  if (!entries || Array.isArray(value)) return undefined;
  const geo: Record<string, string> = {};
  for (const [key, item] of entries) {
    if (GEO_FIELDS.includes(key) && typeof item === 'string') geo[key] = item;
  }
  return nonEmpty(geo);
}

/**
 * The user as Relay's schema requires it: `id` a string, known fields strings, any other key
 * (and anything ill-typed) moved under `data`. Normalized to `depth` first.
 */
export function toStrictUser(value: unknown, normalizer: Normalizer, depth: number): User | undefined {
  const normalized = normalizer(value, depth);
  const entries = ownEntries(normalized);
  if (!entries || Array.isArray(normalized)) return undefined;
  const user: User = {};
  const data: Record<string, unknown> = {};
  const given = entries.find(([key]) => key === 'data')?.[1];
  for (const [key, item] of ownEntries(given) ?? []) assign(data, key, item);
  for (const [key, item] of entries) {
    if (key === 'data') continue;
    const text = scalarText(item);
    if ((key === 'id' || STRING_FIELDS.includes(key)) && text !== undefined) user[key] = text;
    else if (key === 'geo' && strictGeo(item)) user.geo = strictGeo(item) ?? {};
    else if (!Object.prototype.hasOwnProperty.call(data, key)) assign(data, key, item);
  }
  if (Object.keys(data).length) user.data = data;
  return nonEmpty(user);
}
