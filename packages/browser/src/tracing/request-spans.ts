import {
  getClient,
  getTraceData,
  setHttpStatus,
  startInactiveSpan,
  withActiveSpan,
  type ClientLike as Client,
  type Span,
  type TraceData,
} from '@sentry-sdk/core';
import { callGuarded, shouldPropagateTraceForUrl } from '@sentry-sdk/core/internal';
import {
  addFetchHandler,
  addFetchStartHandler,
  addXhrHandler,
  addXhrStartHandler,
  type FetchCall,
  type XhrCall,
} from '../instrument';
import { getUrlParts } from '../integrations';
import { setTraceHeaders, withTraceHeaders } from './trace-headers';

/** What request instrumentation reads from browserTracingIntegration's options. */
export interface RequestSpanOptions {
  traceFetch: boolean;
  traceXHR: boolean;
  shouldCreateSpanForRequest: ((url: string) => boolean) | undefined;
}

function getLocation(): Location | undefined {
  return (globalThis as { location?: Location }).location;
}

function startRequestSpan(type: 'fetch' | 'xhr', method: string, url: string): Span {
  const { url: address, query, fragment } = getUrlParts(url);
  let full = address;
  let host: string | undefined;
  try {
    const resolved = new URL(address, getLocation()?.href);
    full = resolved.href;
    host = resolved.host;
  } catch {
    // not a URL the page could resolve: keep it as written
  }
  return startInactiveSpan({
    name: `${method} ${full}`,
    op: 'http.client',
    // a request after the page load or navigation ended joins no transaction; its headers still propagate
    onlyIfParent: true,
    attributes: {
      'sentry.origin': 'auto.http.browser',
      type,
      'http.request.method': method,
      'url.full': full,
      'server.address': host,
      'http.query': query,
      'http.fragment': fragment,
    },
  });
}

/**
 * Traces the page's `fetch` and XMLHttpRequest calls: an `http.client` span per request (within a
 * page load, navigation or other active span), and `sentry-trace`/`baggage` headers for same-origin
 * URLs and those matching `tracePropagationTargets` only (protocol.md §7.6). Breadcrumbs of the
 * requests name their span. Returns the function that stops it.
 */
export function startRequestSpans(client: Client, options: RequestSpanOptions): () => void {
  const spans = new WeakMap<object, Span>();
  const stops: (() => void)[] = [];
  const isOwn = (): boolean => getClient() === client;
  const shouldCreateSpan = (url: string): boolean =>
    !options.shouldCreateSpanForRequest ||
    callGuarded('shouldCreateSpanForRequest', () => options.shouldCreateSpanForRequest!(url) !== false, true);

  /** Starts the span (if wanted) and returns the headers to send (if the URL is a target). */
  const begin = (key: object, type: 'fetch' | 'xhr', method: string, url: string): TraceData | undefined => {
    const span = shouldCreateSpan(url) ? startRequestSpan(type, method, url) : undefined;
    if (span?.isRecording()) spans.set(key, span);
    const targets = client.getOptions().tracePropagationTargets;
    if (!shouldPropagateTraceForUrl(url, targets, getLocation()?.origin)) return undefined;
    return span?.isRecording() ? withActiveSpan(span, () => getTraceData()) : getTraceData();
  };

  /** Ends the request's span (if it has one) with the response's status and size. */
  const end = (
    key: object,
    status: number | undefined,
    readLength: () => string | null | undefined,
  ): void => {
    const span = spans.get(key);
    if (!span) return;
    if (status) setHttpStatus(span, status);
    else span.setStatus('internal_error');
    const length = callGuarded('reading the response', readLength, null);
    const size = Number(length);
    if (length && size >= 0) span.setAttribute('http.response_content_length', size);
    span.end();
  };

  if (options.traceFetch) {
    stops.push(
      addFetchStartHandler((start) => {
        if (!isOwn()) return;
        const trace = begin(start.args, 'fetch', start.method, start.url);
        const init = trace && withTraceHeaders(start.args[0], start.args[1], trace);
        if (init) start.args[1] = init;
      }),
      addFetchHandler((call: FetchCall) =>
        end(call.args, call.status_code, () => call.response?.headers.get('content-length')),
      ),
    );
  }
  if (options.traceXHR) {
    stops.push(
      addXhrStartHandler(({ xhr, method, url, requestHeaders }) => {
        if (!isOwn()) return;
        const trace = begin(xhr, 'xhr', method, url);
        if (trace)
          setTraceHeaders(
            trace,
            (name) => requestHeaders[name],
            (name, value) => xhr.setRequestHeader(name, value),
          );
      }),
      addXhrHandler((call: XhrCall) =>
        end(call.xhr, call.status_code, () => call.xhr.getResponseHeader('content-length')),
      ),
    );
  }
  // the request's breadcrumb names its span, so the two can be found from each other
  stops.push(
    client.on('beforeAddBreadcrumb', (breadcrumb, hint) => {
      const key =
        (hint?.['fetch'] as FetchCall | undefined)?.args ?? (hint?.['xhr'] as XhrCall | undefined)?.xhr;
      const span = key && spans.get(key);
      if (span) breadcrumb.data = { ...breadcrumb.data, span_id: span.spanContext().spanId };
    }),
  );
  return () => stops.forEach((stop) => stop());
}
