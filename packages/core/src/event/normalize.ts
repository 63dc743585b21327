import { attempt } from '../lib';
import {
  builtinLabel,
  collectionSize,
  describeThrown,
  functionName,
  getClassName,
  isRevokedProxy,
  toStringTag,
  unboxPrimitive,
} from './inspect';
import { readArray, readCollection, readObject, type Entries } from './read-entries';
import { assign } from './strict-maps';
import { truncate } from './truncate';

/** JSON-safe data, as `normalize` returns it. */
export type NormalizedValue =
  null | boolean | number | string | NormalizedValue[] | { [key: string]: NormalizedValue };

/** Normalizes `input` to `depth`, remembering what it read for the next call. */
export type Normalizer = (input: unknown, depth: number) => NormalizedValue;

const MAX_PROPERTIES = '[MaxProperties ~]';
const BRANDED =
  /^\[object (Date|RegExp|(?:Shared)?ArrayBuffer|DataView|\w+Array|Number|String|Boolean|BigInt|Symbol|Map|Set)\]$/;
const DOM_TAG = /^\[object ((?:HTML|SVG)\w*Element|Text|Comment|Document|DocumentFragment|ShadowRoot)\]$/;
const ERROR_TAG = /^\[object (Error|DOMException|Exception)\]$/;

// What one object is, worked out once per object and normalize call so that getters, Proxy traps
// and toJSON run at most once however often the object is referenced: what `read` and `toJSON`
// return is kept in `entries` and `json`.
type Description =
  | { leaf: NormalizedValue }
  | {
      label: string;
      read: () => Entries;
      entries?: Entries;
      toJSON?: () => { value: unknown } | { thrown: string };
      json?: { value: unknown } | { thrown: string };
    };

function primitiveValue(value: unknown, maxLength: number): NormalizedValue {
  if (typeof value === 'string') return truncate(value, maxLength);
  // NaN and ±Infinity as `[NaN]`, `[Infinity]`, `[-Infinity]`; -0 as 0.
  if (typeof value === 'number') return Number.isFinite(value) ? value || 0 : `[${value}]`;
  if (typeof value === 'bigint') return `[BigInt: ${value}]`;
  if (typeof value === 'function') return `[Function: ${functionName(value) ?? '<anonymous>'}]`;
  if (typeof value === 'symbol' || value === undefined) return `[${String(value)}]`;
  return value as boolean | null;
}

/** The leaf of a Date, RegExp, buffer, boxed primitive or DOM node, or the reader of a Map, Set or Error. */
function describeSpecial(
  value: object,
  maxBreadth: number,
): { leaf: NormalizedValue } | (() => Entries) | undefined {
  const tag = toStringTag(value) ?? '';
  // Brand checks throw for every other kind, so only the kinds the tag names are checked (a
  // user-defined Symbol.toStringTag hides a Map or Date, which is then walked as an object).
  if (BRANDED.test(tag)) {
    const builtin = builtinLabel(value);
    if (builtin !== undefined) return { leaf: builtin };
    const box = unboxPrimitive(value);
    if (box) return { leaf: primitiveValue(box.primitive, 0) };
    const collection = collectionSize(value);
    if (collection) return () => readCollection(value, collection.isMap, collection.size, maxBreadth);
  }
  const domTag = DOM_TAG.exec(tag)?.[1];
  if (domTag) return { leaf: `[${domTag}]` };
  // instanceof throws for a Proxy whose getPrototypeOf trap throws
  return attempt(() => value instanceof Error || ERROR_TAG.test(tag))
    ? () => readObject(value, maxBreadth, true)
    : undefined;
}

// Plain try/catch rather than `attempt`: these run for every object normalized, and a closure each
// would be allocated.
function prototypeOf(value: object): object | null | undefined {
  try {
    return Object.getPrototypeOf(value) as object | null;
  } catch {
    return undefined;
  }
}

function toJSONOf(value: object): unknown {
  try {
    return (value as { toJSON?: unknown }).toJSON;
  } catch {
    // a throwing toJSON getter: walk the object's own members instead
    return undefined;
  }
}

function describe(value: object, maxBreadth: number): Description {
  if (isRevokedProxy(value)) return { leaf: '[Proxy: revoked]' };
  const isArray = Array.isArray(value);
  const proto = prototypeOf(value);
  // Plain objects and arrays, the common case, skip the brand checks (each one a caught TypeError).
  const special =
    isArray || proto === Object.prototype || proto === null ? undefined : describeSpecial(value, maxBreadth);
  if (special && 'leaf' in special) return special;
  const label = isArray ? '[Array]' : `[${getClassName(value) ?? 'Object'}]`;
  const read =
    special ?? (() => (isArray ? readArray(value as unknown[], maxBreadth) : readObject(value, maxBreadth)));
  const toJSON = toJSONOf(value);
  if (typeof toJSON !== 'function') return { label, read };
  const callToJSON = (): { value: unknown } | { thrown: string } => {
    try {
      return { value: (toJSON as (this: unknown) => unknown).call(value) };
    } catch (error) {
      return { thrown: `[Thrown: ${describeThrown(error)}]` };
    }
  };
  return { label, read, toJSON: callToJSON };
}

function sanitizeLimit(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return value === Infinity ? value : Math.max(0, Math.floor(value));
}

/**
 * A normalizer with a memory: every object is inspected once across all calls, so calling it
 * again with a lower depth (as `normalizeToSize` does) runs no getter twice.
 */
export function createNormalizer(maxBreadth = 1000, maxValueLength?: number): Normalizer {
  const breadth = sanitizeLimit(maxBreadth, 1000);
  // 0: no limit
  const maxLength = sanitizeLimit(maxValueLength, 0);
  const descriptions = new WeakMap<object, Description>();
  const ancestors = new Set<object>();

  function visit(value: unknown, depth: number, allowToJSON: boolean): NormalizedValue {
    if (value === null || typeof value !== 'object') return primitiveValue(value, maxLength);
    if (value === globalThis) return '[Global]';
    if (ancestors.has(value)) return '[Circular ~]';
    let description = descriptions.get(value);
    if (!description) {
      try {
        description = describe(value, breadth);
      } catch (error) {
        description = { leaf: `[Thrown: ${describeThrown(error)}]` };
      }
      descriptions.set(value, description);
    }
    if ('leaf' in description) return description.leaf;
    if (depth <= 0) return description.label;
    ancestors.add(value);
    try {
      // JSON.stringify calls toJSON once per position and never on what it returned; so do we.
      if (description.toJSON && allowToJSON) {
        const result = (description.json ??= description.toJSON());
        if ('thrown' in result) return result.thrown;
        if (result.value !== value) return visit(result.value, depth, false);
      }
      const { items, more, list } = (description.entries ??= description.read());
      // Lists and records are built apart: this walk runs over every event's data bags.
      if (list) {
        const array = items.map(([, item, thrown]) => thrown ?? visit(item, depth - 1, true));
        if (more) array.push(MAX_PROPERTIES);
        return array;
      }
      const record: Record<string, NormalizedValue> = {};
      for (const [key, item, thrown] of items) {
        if (thrown || item !== undefined) assign(record, key, thrown ?? visit(item, depth - 1, true));
      }
      if (more) record[MAX_PROPERTIES] = MAX_PROPERTIES;
      return record;
    } finally {
      ancestors.delete(value);
    }
  }

  return (input, depth) => {
    try {
      return visit(input, sanitizeLimit(depth, 3), true);
    } catch (error) {
      // Only reachable through a bug of ours; the contract is never to throw.
      return `[Unserializable: ${describeThrown(error)}]`;
    }
  };
}

/**
 * Turns anything into JSON-safe data: objects walked `depth` levels deep and `maxBreadth` members
 * wide, cycles, functions, symbols, bigints and the like replaced by labels (protocol.md §13),
 * strings cut at `maxValueLength` when given. A Map becomes an object when all its keys are strings,
 * else an array of `[key, value]` pairs (each pair one level deeper). Never throws; runs each
 * getter and toJSON at most once.
 * @example normalize({ a: { b: { c: {} } } }, 2) // { a: { b: '[Object]' } }
 */
export function normalize(input: unknown, depth = 3, maxBreadth = 1000, maxValueLength?: number): unknown {
  return createNormalizer(maxBreadth, maxValueLength)(input, depth);
}
