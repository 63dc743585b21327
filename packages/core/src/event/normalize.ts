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
import { readArray, readCollection, readError, readObject, type Entries } from './read-entries';
import { assign } from './strict-maps';
import { truncate } from './truncate';

/** JSON-safe data, as `normalize` returns it. */
export type NormalizedValue =
  null | boolean | number | string | NormalizedValue[] | { [key: string]: NormalizedValue };

/** Normalizes `input` to `depth`, remembering what it read for the next call. */
export type Normalizer = (input: unknown, depth: number) => NormalizedValue;

const MAX_PROPERTIES = '[MaxProperties ~]';
const ERROR_TAGS = ['[object Error]', '[object DOMException]', '[object Exception]'];
const BRANDED =
  /^\[object (Date|RegExp|ArrayBuffer|SharedArrayBuffer|DataView|\w+Array|Number|String|Boolean|BigInt|Symbol|Map|Set)\]$/;
const DOM_TAG = /^\[object ((?:HTML|SVG)\w*Element|Text|Comment|Document|DocumentFragment|ShadowRoot)\]$/;

// What one object is, worked out once per object and normalize call so that getters, Proxy traps
// and toJSON run at most once however often the object is referenced.
type Description =
  | { leaf: NormalizedValue }
  | { label: string; read: () => Entries; toJSON?: () => { value: unknown } | { thrown: string } };

// NaN and ±Infinity as `[NaN]`, `[Infinity]`, `[-Infinity]`; -0 as 0.
const numberValue = (value: number): NormalizedValue => (Number.isFinite(value) ? value || 0 : `[${value}]`);

function primitiveValue(value: unknown, maxValueLength: number | undefined): NormalizedValue {
  switch (typeof value) {
    case 'string':
      return maxValueLength ? truncate(value, maxValueLength) : value;
    case 'number':
      return numberValue(value);
    case 'boolean':
      return value;
    case 'bigint':
      return `[BigInt: ${value.toString()}]`;
    case 'symbol':
      return `[${String(value)}]`;
    case 'undefined':
      return '[undefined]';
    case 'function':
      return `[Function: ${functionName(value) ?? '<anonymous>'}]`;
    default:
      return null;
  }
}

function once<T>(fn: () => T): () => T {
  let result: { value: T } | undefined;
  return () => (result ??= { value: fn() }).value;
}

function prototypeOf(value: object): object | null | undefined {
  try {
    return Object.getPrototypeOf(value) as object | null;
  } catch {
    return undefined;
  }
}

/** Label and reader of a Date, RegExp, buffer, boxed primitive, DOM node, Map, Set or Error; `undefined` for others. */
function describeSpecial(value: object, maxBreadth: number): Description | undefined {
  const tag = toStringTag(value);
  const label = `[${getClassName(value) ?? 'Object'}]`;
  // Brand checks throw for every other kind, so only the kinds the tag names are checked (a
  // user-defined Symbol.toStringTag hides a Map or Date, which is then walked as an object).
  if (tag && BRANDED.test(tag)) {
    const builtin = builtinLabel(value);
    if (builtin !== undefined) return { leaf: builtin };
    const box = unboxPrimitive(value);
    if (box) return { leaf: primitiveValue(box.primitive, undefined) };
    const collection = collectionSize(value);
    if (collection) {
      return { label, read: once(() => readCollection(value, collection.kind, collection.size, maxBreadth)) };
    }
  }
  const domTag = tag && DOM_TAG.exec(tag)?.[1];
  if (domTag) return { leaf: `[${domTag}]` };
  let isError = false;
  try {
    isError = value instanceof Error || ERROR_TAGS.includes(tag ?? '');
  } catch {
    // a Proxy whose getPrototypeOf trap throws
  }
  return isError ? { label, read: once(() => readError(value, maxBreadth)) } : undefined;
}

function describe(value: object, maxBreadth: number): Description {
  if (isRevokedProxy(value)) return { leaf: '[Proxy: revoked]' };
  const isArray = Array.isArray(value);
  const proto = prototypeOf(value);
  // Plain objects and arrays, the common case, skip the brand checks (each one a caught TypeError).
  const plain = isArray || proto === Object.prototype || proto === null;
  const special = plain ? undefined : describeSpecial(value, maxBreadth);
  if (special && 'leaf' in special) return special;
  const label = special?.label ?? (isArray ? '[Array]' : `[${(proto && getClassName(value)) ?? 'Object'}]`);
  const read =
    special?.read ??
    once(() => (isArray ? readArray(value as unknown[], maxBreadth) : readObject(value, maxBreadth)));
  let toJSON: unknown;
  try {
    toJSON = (value as { toJSON?: unknown }).toJSON;
  } catch {
    // a throwing toJSON getter: walk the object's own members instead
  }
  if (typeof toJSON !== 'function') return { label, read };
  const call = toJSON as (this: unknown) => unknown;
  const callToJSON = once(() => {
    try {
      return { value: call.call(value) };
    } catch (error) {
      return { thrown: `[Thrown: ${describeThrown(error)}]` };
    }
  });
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
  const maxLength = maxValueLength === undefined ? undefined : sanitizeLimit(maxValueLength, 0) || undefined;
  const descriptions = new WeakMap<object, Description>();
  const ancestors = new Set<object>();

  function describeOnce(value: object): Description {
    let description = descriptions.get(value);
    if (!description) {
      try {
        description = describe(value, breadth);
      } catch (error) {
        description = { leaf: `[Thrown: ${describeThrown(error)}]` };
      }
      descriptions.set(value, description);
    }
    return description;
  }

  function walk(value: object, depth: number, entries: Entries): NormalizedValue {
    ancestors.add(value);
    try {
      if (entries.shape === 'array') {
        const list: NormalizedValue[] = entries.items.map(
          (item) => item.thrown ?? visit(item.value, depth - 1, true),
        );
        if (entries.more) list.push(MAX_PROPERTIES);
        return list;
      }
      const record: Record<string, NormalizedValue> = {};
      for (const item of entries.items) {
        if (item.thrown) assign(record, item.key, item.thrown);
        else if (item.value !== undefined) assign(record, item.key, visit(item.value, depth - 1, true));
      }
      if (entries.more) record[MAX_PROPERTIES] = MAX_PROPERTIES;
      return record;
    } finally {
      ancestors.delete(value);
    }
  }

  function visit(value: unknown, depth: number, allowToJSON: boolean): NormalizedValue {
    if (value === null || typeof value !== 'object') return primitiveValue(value, maxLength);
    if (value === globalThis) return '[Global]';
    if (ancestors.has(value)) return '[Circular ~]';
    const description = describeOnce(value);
    if ('leaf' in description) return description.leaf;
    if (depth <= 0) return description.label;
    // JSON.stringify calls toJSON once per position and never on what it returned; so do we.
    if (description.toJSON && allowToJSON) {
      const result = description.toJSON();
      if ('thrown' in result) return result.thrown;
      if (result.value === value) return walk(value, depth, description.read());
      ancestors.add(value);
      try {
        return visit(result.value, depth, false);
      } finally {
        ancestors.delete(value);
      }
    }
    return walk(value, depth, description.read());
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
