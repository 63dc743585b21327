import type { SpanAttributeValue } from './types';

type Primitive = string | number | boolean;

function isPrimitiveValue(value: unknown): value is Primitive {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * The value to store for an attribute: primitives as they are, arrays of one primitive type copied
 * (`null`/`undefined` holes kept), anything else `undefined` (not storable). Never throws.
 */
export function toAttributeValue(value: unknown): SpanAttributeValue | undefined {
  if (isPrimitiveValue(value)) return value;
  if (!Array.isArray(value)) return undefined;
  try {
    const copy = Array.from(value as unknown[]);
    let kind: string | undefined;
    for (const item of copy) {
      if (item === null || item === undefined) continue;
      if (!isPrimitiveValue(item) || (kind !== undefined && typeof item !== kind)) return undefined;
      kind = typeof item;
    }
    return copy as SpanAttributeValue;
  } catch {
    return undefined; // a Proxy posing as an array
  }
}
