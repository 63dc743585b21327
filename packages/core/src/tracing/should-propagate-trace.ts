interface UrlGlobal {
  URL?: new (url: string, base?: string) => { origin: string; href: string; pathname: string };
}

function parseUrl(
  url: string,
  base?: string,
): { origin: string; href: string; pathname: string } | undefined {
  const UrlClass = (globalThis as unknown as UrlGlobal).URL;
  if (!UrlClass) return undefined;
  try {
    return new UrlClass(url, base);
  } catch {
    return undefined;
  }
}

function matchesTarget(candidates: string[], target: unknown): boolean {
  if (typeof target === 'string')
    return target !== '' && candidates.some((candidate) => candidate.includes(target));
  if (target instanceof RegExp) {
    return candidates.some((candidate) => {
      target.lastIndex = 0; // a /g or /y pattern must not carry state from an earlier test
      return target.test(candidate);
    });
  }
  return false;
}

/**
 * Whether to attach trace headers to a request to `url` (protocol.md §7.6). Targets: strings
 * match as substrings, RegExps are tested on the full URL; `[]` propagates nowhere. Unset targets
 * propagate everywhere without `currentOrigin` (Node) and only to the same origin with it
 * (browsers: pass `location.origin`); there, same-origin requests also match targets by path.
 */
export function shouldPropagateTraceForUrl(
  url: string,
  tracePropagationTargets: readonly (string | RegExp)[] | undefined,
  currentOrigin?: string,
): boolean {
  if (typeof url !== 'string') return false;
  try {
    // without an origin (Node) the URL is matched as written
    const resolved = currentOrigin === undefined ? undefined : parseUrl(url, currentOrigin);
    const sameOrigin = resolved !== undefined && resolved.origin === parseUrl(currentOrigin!)?.origin;
    if (tracePropagationTargets === undefined) return currentOrigin === undefined || sameOrigin;
    if (!Array.isArray(tracePropagationTargets)) return false;
    const candidates = [resolved ? resolved.href : url];
    if (sameOrigin) candidates.push(resolved.pathname);
    return tracePropagationTargets.some((target) => matchesTarget(candidates, target));
  } catch {
    return false; // hostile targets (a Proxy array, a RegExp whose test throws)
  }
}
