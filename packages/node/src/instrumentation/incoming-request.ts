import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { RequestDescription } from '@sentry-sdk/core/internal';

/**
 * Paths of liveness and readiness probes, ignored by default (no transaction): they would
 * outnumber real traffic. Matched on the path alone, without query string or trailing slash.
 */
export const DEFAULT_HEALTH_CHECK_PATHS: readonly string[] = [
  '/health',
  '/healthz',
  '/healthcheck',
  '/health-check',
  '/_health',
  '/ping',
  '/ready',
  '/readyz',
  '/readiness',
  '/live',
  '/livez',
  '/liveness',
];

/** The path of a request target, without query string and fragment (`/users/7`). */
export function getPathname(target: string | undefined): string {
  if (!target) return '/';
  let end = target.length;
  const question = target.indexOf('?');
  if (question !== -1) end = question;
  const hash = target.indexOf('#');
  if (hash !== -1 && hash < end) end = hash;
  const path = target.slice(0, end);
  // an absolute-form target (`GET http://host/x HTTP/1.1`, as proxies receive)
  if (!path.startsWith('/')) {
    try {
      return new URL(path).pathname;
    } catch {
      return path || '/';
    }
  }
  return path;
}

/** Whether `path` is one of the default health-check paths. */
export function isHealthCheckPath(path: string): boolean {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return DEFAULT_HEALTH_CHECK_PATHS.includes(trimmed.toLowerCase());
}

/** `http` or `https`, from the socket the request came on. */
function getScheme(request: IncomingMessage): string {
  return (request.socket as TLSSocket | undefined)?.encrypted ? 'https' : 'http';
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The full URL of an incoming request, from its Host header (or the local address). */
export function getIncomingUrl(request: IncomingMessage): string {
  const target = request.url ?? '/';
  if (!target.startsWith('/')) return target;
  const host =
    firstHeader(request.headers.host) ??
    `${request.socket?.localAddress ?? 'localhost'}:${String(request.socket?.localPort ?? '')}`;
  return `${getScheme(request)}://${host}${target}`;
}

/** The client's address: the first `X-Forwarded-For` hop, `X-Real-IP`, else the socket's peer. */
export function getClientIp(request: IncomingMessage): string | undefined {
  const forwarded = firstHeader(request.headers['x-forwarded-for']);
  const first = forwarded?.split(',')[0]?.trim();
  if (first) return first;
  const real = firstHeader(request.headers['x-real-ip'])?.trim();
  if (real) return real;
  return request.socket?.remoteAddress;
}

/**
 * The request as core's requestDataIntegration reads it (through the isolation scope's processing
 * metadata): it scrubs headers, and keeps cookies, query string, IP and body only with sendDefaultPii.
 */
export function describeIncomingRequest(request: IncomingMessage): RequestDescription {
  const description: RequestDescription = {
    method: request.method ?? 'GET',
    url: getIncomingUrl(request),
    headers: { ...request.headers },
  };
  const ip = getClientIp(request);
  if (ip) description.ip = ip;
  return description;
}
