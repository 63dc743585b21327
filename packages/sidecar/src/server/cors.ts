import type { IncomingMessage } from 'node:http';

const ALLOWED_HEADERS = 'content-type, content-encoding, x-sentry-auth, authorization, sentry-trace, baggage';

/** CORS headers for the ingest endpoints, which every origin may call (browser SDKs post cross-origin). */
export function getCorsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'access-control-allow-origin': typeof origin === 'string' ? origin : '*',
    vary: 'Origin',
    'access-control-expose-headers': 'x-sentry-rate-limits, retry-after, x-sentry-error',
  };
}

/** The answer to a CORS preflight of an ingest endpoint. */
export function getPreflightHeaders(req: IncomingMessage): Record<string, string> {
  const requested = req.headers['access-control-request-headers'];
  return {
    ...getCorsHeaders(req),
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': typeof requested === 'string' && requested ? requested : ALLOWED_HEADERS,
    'access-control-max-age': '3600',
    // Chrome asks before a public page may reach a loopback address (Private Network Access)
    ...(req.headers['access-control-request-private-network'] === 'true' && {
      'access-control-allow-private-network': 'true',
    }),
  };
}
