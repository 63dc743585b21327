// Query keys whose values are never sent from automatic instrumentation (protocol.md §15).
const SENSITIVE_KEY =
  /auth|token|secret|passw(?:or)?d|pwd|key|jwt|bearer|sso|saml|csrf|xsrf|credentials|session|sid|identity/i;
const FILTERED = '[Filtered]';

/** A copy of header or cookie pairs whose sensitive values are `[Filtered]`; the keys stay. */
export function filterSensitiveValues(pairs: Record<string, string>): Record<string, string> {
  const filtered: Record<string, string> = {};
  for (const [key, value] of Object.entries(pairs))
    filtered[key] = SENSITIVE_KEY.test(key) ? FILTERED : value;
  return filtered;
}

/** A URL as breadcrumbs carry it: without query and fragment, which come separately. */
export interface UrlParts {
  url: string;
  query?: string;
  fragment?: string;
}

function filterQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const key = pair.slice(0, equals);
      let name = key;
      try {
        name = decodeURIComponent(key.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: match the key as written
      }
      return SENSITIVE_KEY.test(name) ? `${key}=${FILTERED}` : pair;
    })
    .join('&');
}

/**
 * Splits a URL into address, query and fragment; credentials (`user:pass@`) and the values of
 * sensitive query keys are replaced by `[Filtered]` whatever `sendDefaultPii` says.
 */
export function getUrlParts(input: string): UrlParts {
  const hashAt = input.indexOf('#');
  const beforeHash = hashAt < 0 ? input : input.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const address = (queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt)).replace(
    /^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i,
    `$1${FILTERED}:${FILTERED}@`,
  );
  const parts: UrlParts = { url: address };
  if (queryAt >= 0 && queryAt < beforeHash.length - 1)
    parts.query = filterQuery(beforeHash.slice(queryAt + 1));
  if (hashAt >= 0 && hashAt < input.length - 1) parts.fragment = input.slice(hashAt + 1);
  return parts;
}

/** The URL relative to `origin` when it is on that origin (shorter navigation breadcrumbs), else as is. */
export function relativeToOrigin(url: string, origin: string | undefined): string {
  return origin && url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
}
