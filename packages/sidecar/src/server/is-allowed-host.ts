const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a request's Host header names this sidecar. Pages of other sites can reach a loopback
 * port through a DNS name of their own (DNS rebinding): the viewer answers only requests that name
 * the sidecar's own host. Ingest stays open to every origin, as Relay's does.
 */
export function isAllowedHost(hostHeader: string | undefined, boundHost: string): boolean {
  if (boundHost === '0.0.0.0' || boundHost === '::') return true;
  if (!hostHeader) return false;
  const name = hostHeader.replace(/:\d+$/, '').toLowerCase();
  return (
    LOOPBACK_NAMES.has(name) || name === boundHost.toLowerCase() || `[${boundHost.toLowerCase()}]` === name
  );
}
