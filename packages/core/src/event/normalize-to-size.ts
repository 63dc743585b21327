import { attempt, encodeUtf8 } from '../lib';
import { createNormalizer, type Normalizer } from './normalize';

/** How many levels of objects and arrays `value` (JSON-safe data) nests. */
export function measureDepth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const item of Object.values(value)) deepest = Math.max(deepest, measureDepth(item));
  return deepest + 1;
}

function jsonBytes(value: unknown): number {
  return attempt(() => encodeUtf8(JSON.stringify(value) ?? '').length) ?? Infinity;
}

/** Normalizes `input`, lowering the depth until its JSON takes at most `maxBytes` bytes (as for `extra` data). */
export function normalizeToSize(input: unknown, depth = 3, maxBytes = 100 * 1024): unknown {
  return normalizeToSizeWith(createNormalizer(), input, depth, maxBytes);
}

/** `normalizeToSize` through a given normalizer, whose memory spares getters that already ran. */
export function normalizeToSizeWith(
  normalizer: Normalizer,
  input: unknown,
  depth: number,
  maxBytes: number,
): unknown {
  let level = typeof depth === 'number' && depth >= 0 ? Math.floor(depth) : 3;
  let result = normalizer(input, level);
  level = Math.min(level, measureDepth(result));
  while (level > 0 && jsonBytes(result) > maxBytes) {
    level -= 1;
    result = normalizer(input, level);
  }
  return result;
}
