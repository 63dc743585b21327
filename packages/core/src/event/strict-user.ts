import type { User } from '../types';
import type { NormalizedValue } from './normalize';
import { shape, shaped, string } from './pick-typed';
import type { StrictContext } from './strict-exception';
import { assign, nonEmpty, ownEntries, toRecord } from './strict-maps';

const STRING_FIELDS = ['id', 'email', 'ip_address', 'username', 'name', 'segment', 'sentry_user'];
const toGeo = shaped(shape(['city country_code region subdivision', string]));

/** A string, number or boolean of normalized data as a string (null is an object to `typeof`). */
function scalarText(value: NormalizedValue): string | undefined {
  return typeof value === 'object' ? undefined : String(value);
}

/**
 * The user as Relay's schema requires it: `id` a string, known fields strings, any other key
 * (and anything ill-typed) moved under `data`. Normalized to `depth` first.
 */
export function toStrictUser(value: unknown, context: StrictContext): User | undefined {
  const record = toRecord(context.normalizer(value, context.depth)) as
    Record<string, NormalizedValue> | undefined;
  if (!record) return undefined;
  const user: Record<string, unknown> = {};
  const data: Record<string, unknown> = {};
  for (const [key, item] of ownEntries(record['data']) ?? []) assign(data, key, item);
  for (const [key, item] of Object.entries(record)) {
    if (key === 'data') continue;
    const known =
      key === 'geo' ? toGeo(item, context) : STRING_FIELDS.includes(key) ? scalarText(item) : undefined;
    if (known !== undefined) user[key] = known;
    else if (!Object.prototype.hasOwnProperty.call(data, key)) assign(data, key, item);
  }
  if (Object.keys(data).length) user['data'] = data;
  return nonEmpty(user);
}
