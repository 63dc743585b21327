import { forEachOwnEntry } from '../lib';

const MAX_DEPTH = 100;

/**
 * Compact JSON of a payload that never throws: the fast path is `JSON.stringify`; when that throws
 * (cycles, BigInt, throwing getters or `toJSON`), the value is copied defensively first.
 */
export function stringifyPayload(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    try {
      return JSON.stringify(toSafeJson(value, [], 0)) ?? 'null';
    } catch {
      return 'null';
    }
  }
}

// Numbers, strings and booleans stay for JSON to write (a NaN as `null`); functions and symbols go,
// as JSON leaves them out (or writes `null` in arrays): a copy must not keep a `toJSON` function.
function toSafeJson(value: unknown, ancestors: object[], depth: number): unknown {
  if (typeof value === 'bigint') return `[BigInt: ${value}]`;
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  const object = value;
  if (ancestors.includes(object)) return '[Circular ~]';
  if (depth >= MAX_DEPTH) return '[Object]';
  const viaToJson = readToJson(object);
  if (viaToJson !== object) return toSafeJson(viaToJson, ancestors, depth + 1);

  ancestors.push(object);
  try {
    // what comes back undefined, JSON writes as `null` in an array and leaves out of an object
    if (Array.isArray(object)) return object.map((entry: unknown) => toSafeJson(entry, ancestors, depth + 1));
    const copy: Record<string, unknown> = {};
    forEachOwnEntry(object, (key, entry) => {
      copy[key] = toSafeJson(entry, ancestors, depth + 1);
    });
    return copy;
  } finally {
    ancestors.pop();
  }
}

function readToJson(object: object): unknown {
  try {
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    return typeof toJSON === 'function' ? (toJSON as () => unknown).call(object) : object;
  } catch {
    return undefined;
  }
}
