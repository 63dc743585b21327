import { UUID_PATTERN } from '../lib';
import { ownEntries } from './strict-maps';

/** How one field is checked: a type name, or a converter that returns `undefined` to drop the value. */
export type FieldKind =
  'string' | 'boolean' | 'uint' | 'number' | 'timestamp' | 'strings' | 'uuid' | ((value: unknown) => unknown);


/** `value` when it is of `kind` (converted by `kind` when it is a function), else `undefined`. */
export function check(kind: FieldKind, value: unknown): unknown {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'uint':
      return Number.isSafeInteger(value) && (value as number) >= 0 ? value : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'timestamp':
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
        ? value
        : undefined;
    case 'strings':
      return Array.isArray(value)
        ? value.filter((item): item is string => typeof item === 'string')
        : undefined;
    case 'uuid':
      return typeof value === 'string' && UUID_PATTERN.test(value) ? value : undefined;
    default:
      return kind(value);
  }
}

/** `value` when it has at least one key; `undefined` when it is empty (the schema's empty containers are left out). */
export function nonEmpty<T extends object>(value: T | undefined): T | undefined {
  return value && Object.keys(value).length ? value : undefined;
}

/** A plain record (not an array), read once; `undefined` for anything else. */
export function toRecord(value: unknown): Record<string, unknown> | undefined {
  const entries = ownEntries(value);
  return entries && !Array.isArray(value) ? Object.fromEntries(entries) : undefined;
}

/**
 * The fields of `value` that `shape` names and whose values pass its check; every other key is
 * left out, as the schema's `additionalProperties: false` requires. `undefined` when `value` is
 * not an object.
 */
export function pickTyped(
  value: unknown,
  shape: Record<string, FieldKind>,
): Record<string, unknown> | undefined {
  const record = toRecord(value);
  if (!record) return undefined;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) {
    const kind = shape[key];
    const item = record[key];
    if (kind === undefined || item === undefined || item === null) continue;
    const checked = check(kind, item);
    if (checked !== undefined) result[key] = checked;
  }
  return result;
}
