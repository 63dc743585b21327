import {
  addBreadcrumb,
  getClient,
  getCurrentScope,
  getIsolationScope,
  getTraceData,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  setHttpStatus,
  startInactiveSpan,
  withActiveSpan,
  withIsolationScope,
  type Breadcrumb,
  type ClientLike,
  type Span,
  type SpanAttributes,
  type TraceData,
} from '@sentry-sdk/core';
import {
  baggageHeaderToDynamicSamplingContext,
  callGuarded,
  getEnvelopeEndpoint,
  isTracingSuppressed,
  mergeBaggageHeader,
  shouldPropagateTraceForUrl,
} from '@sentry-sdk/core/internal';

/** What the outgoing-request instrumentation does for one client. */
export interface OutgoingRequestOptions {
  /** A breadcrumb per request (type `http`). */
  breadcrumbs: boolean;
  /** An `http.client` span per request made while a span is active. */
  spans: boolean;
  /** Requests that get neither span nor breadcrumb (trace headers still follow tracePropagationTargets). */
  ignoreOutgoingRequests?: ((url: string, request: unknown) => boolean) | undefined;
}

/** An outgoing request as the instrumentation sees it, whichever library made it. */
export interface OutgoingRequest {
  method: string;
  /** The full URL, as requested (credentials and query included). */
  url: string;
  /** What `ignoreOutgoingRequests` and `beforeBreadcrumb` receive (the ClientRequest, undici's request). */
  request: unknown;
  /** Breadcrumb category and span origin: `http` for node:http, `fetch` for undici. */
  kind: 'http' | 'fetch';
}

/** How an outgoing request ended. */
export interface OutgoingResult {
  statusCode?: number | undefined;
  contentLength?: number | undefined;
  error?: unknown;
  response?: unknown;
}

/** A request being recorded: the headers to add to it, and what to call once it ended. */
export interface OutgoingRecording {
  /** Trace headers for this URL (empty when tracePropagationTargets do not match). */
  traceHeaders: TraceData;
  finish(result: OutgoingResult): void;
}

const ORIGINS = { http: 'auto.http.node.http', fetch: 'auto.http.node.fetch' } as const;

interface ParsedUrl {
  /** Without credentials, query and fragment: what names and breadcrumbs show. */
  base: string;
  query: string;
  fragment: string;
  host: string;
  port: string;
  scheme: string;
  pathname: string;
}

function parseUrl(url: string): ParsedUrl | undefined {
  try {
    const parsed = new URL(url);
    return {
      base: `${parsed.protocol}//${parsed.host}${parsed.pathname}`,
      query: parsed.search.slice(1),
      fragment: parsed.hash.slice(1),
      host: parsed.hostname,
      port: parsed.port,
      scheme: parsed.protocol.slice(0, -1),
      pathname: parsed.pathname,
    };
  } catch {
    return undefined;
  }
}

/** True for the SDK's own envelopes (to the DSN's ingest endpoint or the tunnel): they are never recorded. */
function isSdkRequest(client: ClientLike, url: ParsedUrl): boolean {
  const dsn = client.getDsn();
  if (dsn) {
    const endpoint = parseUrl(getEnvelopeEndpoint(dsn));
    if (endpoint && endpoint.host === url.host && endpoint.port === url.port) {
      if (url.pathname.startsWith(endpoint.pathname.replace(/\/\d+\/envelope\/$/, '/'))) return true;
    }
  }
  const tunnel = client.getOptions().tunnel;
  return (
    typeof tunnel === 'string' && tunnel !== '' && `${url.base}`.startsWith(tunnel.split('?')[0] ?? tunnel)
  );
}

/**
 * Starts recording an outgoing request made in the current scopes: an `http.client` span (only
 * under an active span), the trace headers to add when the URL matches `tracePropagationTargets`,
 * and, when it ends, the span's status and a breadcrumb in the isolation scope it started in.
 * Returns undefined for the SDK's own requests and inside `suppressTracing`.
 */
export function startOutgoingRequest(
  client: ClientLike,
  options: OutgoingRequestOptions,
  outgoing: OutgoingRequest,
): OutgoingRecording | undefined {
  const url = parseUrl(outgoing.url);
  if (!url || isSdkRequest(client, url) || isTracingSuppressed(getCurrentScope())) return undefined;
  const method = outgoing.method.toUpperCase();
  const ignored =
    options.ignoreOutgoingRequests !== undefined &&
    callGuarded(
      'ignoreOutgoingRequests',
      () => options.ignoreOutgoingRequests?.(outgoing.url, outgoing.request) === true,
      false,
    );

  const span: Span | undefined =
    !ignored && options.spans
      ? startInactiveSpan({
          name: `${method} ${url.base}`,
          op: 'http.client',
          onlyIfParent: true,
          attributes: getClientAttributes(method, url, outgoing.kind),
        })
      : undefined;
  const propagate = shouldPropagateTraceForUrl(outgoing.url, client.getOptions().tracePropagationTargets);
  const traceHeaders: TraceData = propagate
    ? span
      ? withActiveSpan(span, () => getTraceData())
      : getTraceData()
    : {};
  const isolationScope = getIsolationScope();

  let finished = false;
  return {
    traceHeaders,
    finish(result) {
      if (finished) return;
      finished = true;
      if (span) {
        if (typeof result.statusCode === 'number') setHttpStatus(span, result.statusCode);
        else if (result.error !== undefined) span.setStatus('internal_error');
        if (result.contentLength !== undefined)
          span.setAttribute('http.response_content_length', result.contentLength);
        span.end();
      }
      if (!ignored && options.breadcrumbs) {
        withIsolationScope(isolationScope, () =>
          addBreadcrumb(toBreadcrumb(method, url, outgoing, result), {
            request: outgoing.request,
            response: result.response,
            error: result.error,
          }),
        );
      }
    },
  };
}

function getClientAttributes(method: string, url: ParsedUrl, kind: 'http' | 'fetch'): SpanAttributes {
  const attributes: SpanAttributes = {
    [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: ORIGINS[kind],
    'http.request.method': method,
    'url.full': url.base,
    'url.scheme': url.scheme,
    'server.address': url.host,
  };
  if (url.port) attributes['server.port'] = Number(url.port);
  if (url.query) attributes['http.query'] = url.query;
  if (url.fragment) attributes['http.fragment'] = url.fragment;
  return attributes;
}

function toBreadcrumb(
  method: string,
  url: ParsedUrl,
  outgoing: OutgoingRequest,
  result: OutgoingResult,
): Breadcrumb {
  const data: Record<string, unknown> = { method, url: url.base };
  if (typeof result.statusCode === 'number') data['status_code'] = result.statusCode;
  if (url.query) data['http.query'] = url.query;
  if (url.fragment) data['http.fragment'] = url.fragment;
  const status = result.statusCode ?? 0;
  const breadcrumb: Breadcrumb = { type: 'http', category: outgoing.kind, data };
  if (result.error !== undefined || status >= 500) breadcrumb.level = 'error';
  else if (status >= 400) breadcrumb.level = 'warning';
  return breadcrumb;
}

/** The `baggage` to send: the request's own members of other vendors, then ours. */
export function mergeBaggage(existing: unknown, ours: string | undefined): string | undefined {
  return mergeBaggageHeader(existing, baggageHeaderToDynamicSamplingContext(ours));
}

/** The client whose outgoing options apply now, with those options. */
export function getOutgoingOptions(
  byClient: WeakMap<ClientLike, OutgoingRequestOptions>,
): [ClientLike, OutgoingRequestOptions] | undefined {
  const client = getClient();
  const options = client && byClient.get(client);
  return client && options ? [client, options] : undefined;
}
