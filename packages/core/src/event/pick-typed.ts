import { UUID_PATTERN } from '../lib';
import type { StrictContext } from './strict-exception';
import { nonEmpty, toRecord } from './strict-maps';

/** How one field is checked: a converter that returns `undefined` to drop the value. */
export type FieldKind = (value: unknown, context: StrictContext) => unknown;

/** The fields an object of the schema may have, each with its check. */
export type Shape = Record<string, FieldKind>;

const when =
  (test: (value: unknown) => boolean) =>
  (value: unknown): unknown =>
    test(value) ? value : undefined;

export const string = when((value) => typeof value === 'string');
export const boolean = when((value) => typeof value === 'boolean');
export const number = when(Number.isFinite);
export const uint = when((value) => Number.isSafeInteger(value) && (value as number) >= 0);
/** A timestamp: an RFC 3339 string or a finite number of seconds. */
export const timestamp = (value: unknown): unknown => string(value) ?? number(value);
export const uuid = when((value) => typeof value === 'string' && UUID_PATTERN.test(value));
/** A thread id: a string or an unsigned integer. */
export const threadId = (value: unknown): unknown => string(value) ?? uint(value);

/** A string from a space-separated list of allowed values. */
export const oneOf = (allowed: string): FieldKind => {
  const values = allowed.split(' ');
  return when((value) => values.includes(value as string));
};

/** The strings of a list. */
export const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;

/**
 * A shape from groups of space-separated field names, each with the kind that checks them; fields
 * keep the order given.
 * @example shape(['lineno colno', uint], ['in_app', boolean]) // { lineno: uint, colno: uint, in_app: boolean }
 */
export function shape(...groups: [names: string, kind: FieldKind][]): Shape {
  const result: Shape = {};
  for (const [names, kind] of groups) for (const name of names.split(' ')) result[name] = kind;
  return result;
}

/**
 * A field holding an object of `fields`: the fields it names whose values pass their check; every
 * other key is left out, as the schema's `additionalProperties: false` requires. `undefined` when
 * the value is not an object and, unless `keepEmpty`, when nothing of it is left.
 */
export const shaped =
  (fields: Shape, keepEmpty?: boolean): FieldKind =>
  (value, context) => {
    const record = toRecord(value);
    if (!record) return undefined;
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(fields)) {
      const item = record[key];
      const checked = item === undefined || item === null ? undefined : fields[key]!(item, context);
      if (checked !== undefined) result[key] = checked;
    }
    return keepEmpty ? result : nonEmpty(result);
  };
