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

function toSafeJson(value: unknown, ancestors: object[], depth: number): unknown {
  switch (typeof value) {
    case 'bigint':
      return `[BigInt: ${value.toString()}]`;
    case 'symbol':
    case 'function':
    case 'undefined':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'string':
    case 'boolean':
      return value;
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.includes(object)) return '[Circular ~]';
  if (depth >= MAX_DEPTH) return '[Object]';
  const viaToJson = readToJson(object);
  if (viaToJson !== object) return toSafeJson(viaToJson, ancestors, depth + 1);

  ancestors.push(object);
  try {
    if (Array.isArray(object)) {
      return object.map((entry: unknown) => toSafeJson(entry, ancestors, depth + 1) ?? null);
    }
    const copy: Record<string, unknown> = {};
    forEachOwnEntry(object, (key, entry) => {
      const safe = toSafeJson(entry, ancestors, depth + 1);
      if (safe !== undefined) copy[key] = safe;
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
