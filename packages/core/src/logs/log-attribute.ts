import { normalize } from '../event';
import type { LogAttributeValue } from './types';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_SURROGATE = /[\uD800-\uDFFF]/;
// Integers beyond this are not exact in a double, so they cannot be trusted to fit a signed 64-bit value.
const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

/** `text` with each unpaired UTF-16 surrogate replaced by U+FFFD: Relay rejects a whole batch for one. */
export function replaceLoneSurrogates(text: string): string {
  return HAS_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
}

/**
 * A value as text, the way a log body shows it: strings as they are, other primitives through
 * `String`, objects as the JSON of their normalized form. Never throws.
 */
export function stringifyLogValue(value: unknown, depth = 3): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value.toString()}n`;
    case 'symbol':
      return value.toString();
    default:
      if (value === null) return 'null';
      try {
        const normalized = normalize(value, depth);
        return typeof normalized === 'string' ? normalized : (JSON.stringify(normalized) ?? 'null');
      } catch {
        return '[value cannot be serialized]';
      }
  }
}

/**
 * The typed form of one attribute value (protocol.md §10): strings, booleans, integers and doubles
 * keep their type; non-finite numbers and BigInts become strings (JSON has no form for them);
 * anything else becomes the JSON of its normalized form. `undefined` has no attribute form.
 */
export function toLogAttribute(value: unknown, depth = 3): LogAttributeValue | undefined {
  switch (typeof value) {
    case 'string':
      return { type: 'string', value: replaceLoneSurrogates(value) };
    case 'boolean':
      return { type: 'boolean', value };
    case 'number':
      if (!Number.isFinite(value)) return { type: 'string', value: String(value) };
      return Number.isInteger(value) && Math.abs(value) <= MAX_EXACT_INTEGER
        ? { type: 'integer', value }
        : { type: 'double', value };
    case 'undefined':
      return undefined;
    default:
      return { type: 'string', value: replaceLoneSurrogates(stringifyLogValue(value, depth)) };
  }
}
