import { DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';

type Env = Record<string, string | undefined>;

/**
 * The proxy to reach `target` through: the `proxy` option, else `https_proxy`/`HTTPS_PROXY` (for an
 * https target, falling back to the http ones) or `http_proxy`/`HTTP_PROXY`. None when `NO_PROXY`
 * (or `no_proxy`) lists the target's host, or when the URL cannot be parsed.
 */
export function getProxyUrl(
  target: URL,
  proxyOption: string | undefined,
  env: Env = process.env,
): URL | undefined {
  const https = target.protocol === 'https:';
  const configured =
    proxyOption ||
    (https ? env['https_proxy'] || env['HTTPS_PROXY'] : undefined) ||
    env['http_proxy'] ||
    env['HTTP_PROXY'];
  if (!configured || isExcluded(target, env['no_proxy'] ?? env['NO_PROXY'])) return undefined;
  try {
    const url = new URL(configured.includes('://') ? configured : `http://${configured}`);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  DEBUG_BUILD &&
    debug.warn(
      `The proxy ${proxyOption ? 'option' : 'environment variable'} is not an http(s) URL; sending directly.`,
    );
  return undefined;
}

/**
 * `NO_PROXY` as curl reads it: comma- or space-separated hosts, each matching itself and its
 * subdomains (a leading `.` or `*.` changes nothing), optionally with a port; `*` matches all.
 */
function isExcluded(target: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = stripBrackets(target.hostname.toLowerCase());
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const [name, entryPort] = splitPort(entry.toLowerCase());
      if (entryPort && entryPort !== port) return false;
      const suffix = name.replace(/^\*?\./, '');
      return host === suffix || host.endsWith(`.${suffix}`);
    });
}

function splitPort(entry: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1]!, bracketed[2]];
  const colon = entry.lastIndexOf(':');
  // more than one colon and no brackets: an IPv6 address without a port
  if (colon === -1 || entry.indexOf(':') !== colon) return [entry, undefined];
  return [entry.slice(0, colon), entry.slice(colon + 1)];
}

/** `[::1]` → `::1`, as sockets and NO_PROXY entries write IPv6 hosts. */
export function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
