// Scrubbing of automatically collected request data, per protocol.md §15.

/** What a scrubbed value is replaced by: the key stays, so users see that something was there. */
export const FILTERED = '[Filtered]';

// §15: keys filtered whatever `sendDefaultPii` says.
const SENSITIVE_KEY = /auth|token|secret|password|passwd|pwd|key|jwt|bearer|sso|saml|csrf|xsrf|credentials|session|sid|identity/i;
// §15: headers that identify the user or their address, filtered while `sendDefaultPii` is off.
const IDENTIFYING_HEADER = /forwarded|-ip|remote-|via|-user/i;
// §15: session cookies under names the key list misses.
const SENSITIVE_COOKIE = /\.sid|sessid|remember|mfa|^__secure-|^__host-/i;

const URL_CREDENTIALS = /^([a-z][a-z\d+.-]*:\/\/)[^/?#@]*@/i;

/** Query and cookie values as text: primitives as themselves, lists joined; anything else is left out. */
function toText(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(toText).filter((item) => item !== undefined).join(',');
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : undefined;
}

function isSensitiveCookie(name: string): boolean {
  return SENSITIVE_KEY.test(name) || SENSITIVE_COOKIE.test(name);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Splits a URL into the URL without credentials, query and fragment, and those two parts. */
export function splitUrl(url: string): { url: string; query?: string; fragment?: string } {
  let rest = url.replace(URL_CREDENTIALS, `$1${FILTERED}:${FILTERED}@`);
  let fragment: string | undefined;
  let query: string | undefined;
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  const question = rest.indexOf('?');
  if (question !== -1) {
    query = rest.slice(question + 1);
    rest = rest.slice(0, question);
  }
  return { url: rest, ...(query ? { query } : {}), ...(fragment ? { fragment } : {}) };
}

/** A query string or object with the values of sensitive keys replaced; other pairs stay as sent. */
export function filterQuery(query: string | Record<string, unknown>): string | Record<string, string> {
  if (typeof query === 'string') {
    return query
      .replace(/^\?/, '')
      .split('&')
      .map((pair) => {
        const equals = pair.indexOf('=');
        const key = equals === -1 ? pair : pair.slice(0, equals);
        return equals !== -1 && SENSITIVE_KEY.test(decode(key)) ? `${key}=${FILTERED}` : pair;
      })
      .join('&');
  }
  const filtered: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const text = toText(value);
    if (text !== undefined) filtered[key] = SENSITIVE_KEY.test(key) ? FILTERED : text;
  }
  return filtered;
}

/** Cookie pairs from a `Cookie` header; `undefined` when the header cannot be split into pairs. */
export function parseCookies(header: string): Record<string, string> | undefined {
  const cookies: Record<string, string> = {};
  for (const part of header.split(';')) {
    const pair = part.trim();
    if (!pair) continue;
    const equals = pair.indexOf('=');
    if (equals <= 0) return undefined;
    cookies[pair.slice(0, equals).trim()] = decode(pair.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1'));
  }
  return cookies;
}

/** Cookies with the values of session and credential cookies replaced. */
export function filterCookies(cookies: Record<string, unknown>): Record<string, string> {
  const filtered: Record<string, string> = {};
  for (const [name, value] of Object.entries(cookies)) {
    const text = toText(value);
    if (text !== undefined) filtered[name] = isSensitiveCookie(name) ? FILTERED : text;
  }
  return filtered;
}

/** A `Cookie` header rebuilt from its filtered pairs: the raw header is never sent. */
function filterCookieHeader(header: string): string {
  const cookies = parseCookies(header);
  if (!cookies) return FILTERED;
  return Object.entries(filterCookies(cookies))
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

/** A `Set-Cookie` value (`name=value; Path=/; …`) with the value filtered when the name is sensitive. */
function filterSetCookie(header: string): string {
  const match = /^\s*([^=;\s]+)\s*=([^;]*)(.*)$/.exec(header);
  if (!match) return FILTERED;
  const [, name = '', value = '', attributes = ''] = match;
  return `${name}=${isSensitiveCookie(name) ? FILTERED : value}${attributes}`;
}

function headerValues(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  return undefined;
}

/**
 * Headers as strings with credentials filtered; while `sendDefaultPii` is off, cookies and
 * headers that identify the user or their address are filtered too.
 */
export function filterHeaders(headers: Record<string, unknown>, sendDefaultPii: boolean): Record<string, string> {
  const filtered: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    const values = headerValues(raw);
    if (!values) continue;
    const lower = name.toLowerCase();
    if (lower === 'cookie' || lower === 'set-cookie') {
      const filter = lower === 'cookie' ? filterCookieHeader : filterSetCookie;
      filtered[name] = sendDefaultPii ? values.map(filter).join(lower === 'cookie' ? '; ' : ', ') : FILTERED;
    } else if (SENSITIVE_KEY.test(lower) || (!sendDefaultPii && IDENTIFYING_HEADER.test(lower))) {
      filtered[name] = FILTERED;
    } else {
      filtered[name] = values.join(', ');
    }
  }
  return filtered;
}
