import type { DsnComponents } from '../types';

// protocol.md §1.3: the only protocol version Relay speaks on the envelope endpoint.
const SENTRY_API_VERSION = '7';

/** `{scheme}://{host}[:{port}][/{path}]/api/{project}/envelope/` (protocol.md §1.2). */
export function getEnvelopeEndpoint(dsn: DsnComponents): string {
  const port = dsn.port ? `:${dsn.port}` : '';
  const path = dsn.path ? `/${dsn.path}` : '';
  return `${dsn.protocol}://${dsn.host}${port}${path}/api/${dsn.projectId}/envelope/`;
}

/**
 * The URL envelopes are posted to, with auth in the query string so browsers need no preflight
 * (protocol.md §1.3); a tunnel URL is returned unchanged.
 */
export function getEnvelopeEndpointWithUrlEncodedAuth(
  dsn: DsnComponents,
  tunnel?: string,
  sdk?: { name: string; version: string },
): string {
  if (tunnel) return tunnel;
  let query = `sentry_version=${SENTRY_API_VERSION}&sentry_key=${encodeURIComponent(dsn.publicKey)}`;
  if (sdk) query += `&sentry_client=${encodeURIComponent(`${sdk.name}/${sdk.version}`)}`;
  return `${getEnvelopeEndpoint(dsn)}?${query}`;
}

/** The `X-Sentry-Auth` header value servers may send instead of the query string (protocol.md §1.3). */
export function getSentryAuthHeader(dsn: DsnComponents, sdk?: { name: string; version: string }): string {
  let value = `Sentry sentry_version=${SENTRY_API_VERSION}`;
  if (sdk) value += `, sentry_client=${sdk.name}/${sdk.version}`;
  value += `, sentry_key=${dsn.publicKey}`;
  if (dsn.pass) value += `, sentry_secret=${dsn.pass}`;
  return value;
}
