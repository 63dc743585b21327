import type { IncomingHttpHeaders } from 'node:http';

/**
 * The DSN public key the sender authenticated with (protocol.md §1.3): from `X-Sentry-Auth`, the
 * `sentry_key` query parameter, or the envelope header `dsn`. The sidecar accepts any key and
 * records it.
 */
export function readPublicKey(
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
  envelopeDsn: unknown,
): string | undefined {
  const header =
    headers['x-sentry-auth'] ??
    (typeof headers['authorization'] === 'string' && /^sentry /i.test(headers['authorization'])
      ? headers['authorization']
      : undefined);
  const fromHeader =
    typeof header === 'string' ? /(?:^|[\s,])sentry_key\s*=\s*([^,\s]+)/i.exec(header)?.[1] : undefined;
  if (fromHeader) return fromHeader;
  const fromQuery = query.get('sentry_key');
  if (fromQuery) return fromQuery;
  if (typeof envelopeDsn === 'string') {
    try {
      return new URL(envelopeDsn).username || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
