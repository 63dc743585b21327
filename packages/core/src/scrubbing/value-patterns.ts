// Secrets recognised by their shape inside any string, whatever key holds it.
import type { Denial } from './key-matcher';

/** What a filtered value (or part of a string) is replaced by. */
export const FILTERED = '[Filtered]';

// 13 to 19 digits, optionally grouped by spaces or dashes; only Luhn-valid runs are masked.
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;
// An opaque token after `Bearer`: at least 8 characters, one of them a digit or symbol (not a word).
const BEARER = /\b(bearer\s+)(?=[\w\-.~+/]*[\d\-.~+/])[\w\-.~+/]{8,}=*/gi;
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
// `scheme://user:password@` (protocol.md §15: URL credentials never leave).
const URL_USERINFO = /\b([a-z][a-z\d+.-]*:\/\/)([^\s/?#@]+)@/gi;
// `key=value` pairs of query strings, of a bare `a=1&b=2`, or in prose (`connecting with password=…`),
// and `"key": "value"` pairs of JSON text (a raw request body, a logged payload). Both capture what
// stays (everything up to the value), the key, and the value.
const QUERY_PAIR = /((?:^|[?&;\s])([^=&#\s?;]+)=)([^&#\s;]*)/g;
const JSON_PAIR = /("((?:[^"\\]|\\.){1,100})"\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function maskCards(text: string): string {
  return text.replace(CARD, (match) => (isLuhnValid(match.replace(/[ -]/g, '')) ? FILTERED : match));
}

// Credentials already filtered are replaced by the same text, which leaves the string as it was.
function maskUserinfo(text: string): string {
  return text.replace(
    URL_USERINFO,
    (_match, scheme: string, userinfo: string) =>
      `${scheme}${userinfo.includes(':') ? `${FILTERED}:${FILTERED}` : FILTERED}@`,
  );
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

/**
 * Builds the function that masks secrets inside a string: credit-card numbers, bearer tokens,
 * JWTs, URL credentials, query values under a secret key, and the user's own patterns. Returns the
 * very string it was given when nothing matched, so callers can tell by identity.
 */
export function createValueScrubber(
  isDeniedKey: (key: string) => boolean | Denial,
  patterns: readonly RegExp[],
): (text: string) => string {
  // An empty value tells nothing and stays; a JSON value keeps its quotes, a query value has none.
  const maskPairs = (text: string, pairs: RegExp, quote: string, readKey: (key: string) => string): string =>
    text.replace(pairs, (match, kept: string, key: string, value: string) =>
      value && isDeniedKey(readKey(key)) ? `${kept}${quote}${FILTERED}${quote}` : match,
    );

  return (text) => {
    // Shorter strings cannot hold any of the shapes below; most strings of an event are short.
    if (text.length < 8) return text;
    let result = text;
    if (/\d{4}/.test(result)) result = maskCards(result);
    if (result.includes('://') && result.includes('@')) result = maskUserinfo(result);
    if (result.includes('=')) result = maskPairs(result, QUERY_PAIR, '', decodeKey);
    if (result.includes('":')) result = maskPairs(result, JSON_PAIR, '"', String);
    if (/bearer/i.test(result)) result = result.replace(BEARER, `$1${FILTERED}`);
    if (result.includes('eyJ')) result = result.replace(JWT, FILTERED);
    for (const pattern of patterns) result = result.replace(pattern, FILTERED);
    return result;
  };
}
