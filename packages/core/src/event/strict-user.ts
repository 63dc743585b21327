import type { User } from '../types';
import { shape, shaped, string } from './pick-typed';
import type { StrictContext } from './strict-exception';
import { assign, nonEmpty, ownEntries, toRecord } from './strict-maps';

const STRING_FIELDS = ['id', 'email', 'ip_address', 'username', 'name', 'segment', 'sentry_user'];
const toGeo = shaped(shape(['city country_code region subdivision', string]));

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * The user as Relay's schema requires it: `id` a string, known fields strings, any other key
 * (and anything ill-typed) moved under `data`. Normalized to `depth` first.
 */
export function toStrictUser(value: unknown, context: StrictContext): User | undefined {
  const record = toRecord(context.normalizer(value, context.depth));
  if (!record) return undefined;
  const user: Record<string, unknown> = {};
  const data: Record<string, unknown> = {};
  for (const [key, item] of ownEntries(record['data']) ?? []) assign(data, key, item);
  for (const [key, item] of Object.entries(record)) {
    if (key === 'data') continue;
    const text = scalarText(item);
    const geo = key === 'geo' ? toGeo(item, context) : undefined;
    if (STRING_FIELDS.includes(key) && text !== undefined) user[key] = text;
    else if (geo) user[key] = geo;
    else if (!Object.prototype.hasOwnProperty.call(data, key)) assign(data, key, item);
  }
  if (Object.keys(data).length) user['data'] = data;
  return nonEmpty(user);
}
