import type { IncomingMessage } from 'node:http';
import {
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  SEMANTIC_ATTRIBUTE_SENTRY_SOURCE,
  type SpanAttributes,
} from '@sentry-sdk/core';

/** The origin of `http.server` transactions (protocol.md §6.4). */
export const HTTP_SERVER_ORIGIN = 'auto.http.node';

/** The attributes of an `http.server` root span (OTel names, protocol.md §6.5); query and client address only with PII. */
export function getServerAttributes(
  request: IncomingMessage,
  method: string,
  path: string,
  url: string | undefined,
  pii: boolean,
): SpanAttributes {
  const attributes: SpanAttributes = {
    [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: HTTP_SERVER_ORIGIN,
    [SEMANTIC_ATTRIBUTE_SENTRY_SOURCE]: 'url',
    'http.request.method': method,
    'url.path': path,
    'network.protocol.version': request.httpVersion,
  };
  if (url) {
    const query = url.indexOf('?');
    attributes['url.full'] = query === -1 ? url : url.slice(0, query);
    if (pii && query !== -1) attributes['http.query'] = url.slice(query + 1);
  }
  const host = request.headers.host;
  if (host) {
    const colon = host.lastIndexOf(':');
    const hasPort = colon > host.lastIndexOf(']');
    attributes['server.address'] = hasPort ? host.slice(0, colon) : host;
    if (hasPort) attributes['server.port'] = Number(host.slice(colon + 1));
  }
  const agent = request.headers['user-agent'];
  if (agent) attributes['user_agent.original'] = agent;
  if (pii && request.socket?.remoteAddress) attributes['client.address'] = request.socket.remoteAddress;
  return attributes;
}
