import {
  captureEvent,
  getClient,
  type ClientLike,
  type Event,
  type Integration,
  type RequestData,
} from '@sentry-sdk/core';
import { copyOwnEntries, isRegExp } from '@sentry-sdk/core/internal';
import { addFetchHandler, addXhrHandler, type FetchCall, type XhrCall } from '../instrument';
import { filterSensitiveValues, getUrlParts } from './url-parts';

const NAME = 'HttpClient';

/** A status code, or an inclusive range of them. */
export type HttpStatusCodeRange = number | [number, number];

/** Options of httpClientIntegration. */
export interface HttpClientOptions {
  /** Responses with these statuses become events (default `[[500, 599]]`). */
  failedRequestStatusCodes?: HttpStatusCodeRange[];
  /** Only requests to URLs matching one of these (substring or RegExp; default `[/.*\/]`). */
  failedRequestTargets?: (string | RegExp)[];
}

/** A response that came back with a failing status. */
interface FailedResponse {
  api: 'fetch' | 'xhr';
  method: string;
  url: string;
  status: number;
  requestHeaders: () => Record<string, string>;
  responseHeaders: () => Record<string, string>;
}

function matchesStatus(status: number, ranges: HttpStatusCodeRange[]): boolean {
  return ranges.some((range) =>
    typeof range === 'number' ? status === range : status >= range[0] && status <= range[1],
  );
}

function matchesTarget(url: string, targets: (string | RegExp)[]): boolean {
  return targets.some((target) => {
    if (typeof target === 'string') return url.includes(target);
    if (!isRegExp(target)) return false;
    target.lastIndex = 0;
    return target.test(url);
  });
}

function absolute(url: string): string {
  try {
    return new URL(url, (globalThis as { location?: Location }).location?.href).href;
  } catch {
    return url;
  }
}

/** The SDK's own requests (to the DSN's ingest endpoint or the tunnel) never become events. */
function isSdkRequest(url: string, client: ClientLike): boolean {
  const { tunnel } = client.getOptions();
  const dsn = client.getDsn();
  if (tunnel && url.startsWith(absolute(tunnel))) return true;
  return !!dsn && url.includes(`//${dsn.host}`) && url.includes(`/api/${dsn.projectId}/envelope`);
}

function headerPairs(init: unknown): Record<string, string> {
  const pairs: Record<string, string> = {};
  try {
    const headers = typeof Headers === 'function' ? new Headers(init as HeadersInit | undefined) : undefined;
    headers?.forEach((value, key) => (pairs[key] = value));
  } catch {
    // headers the page gave in a shape fetch would reject anyway
  }
  return pairs;
}

function fetchRequestHeaders(args: unknown[]): Record<string, string> {
  const input = args[0];
  const fromRequest =
    typeof Request === 'function' && input instanceof Request ? headerPairs(input.headers) : {};
  const init = args[1] as { headers?: unknown } | undefined;
  return { ...fromRequest, ...headerPairs(init?.headers) };
}

function xhrResponseHeaders(xhr: XMLHttpRequest): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const line of (xhr.getAllResponseHeaders() || '').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) pairs[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return pairs;
}

function pageCookies(url: string): Record<string, string> | undefined {
  const page = globalThis as { location?: Location; document?: Document };
  const cookies: Record<string, string> = {};
  try {
    // The page's cookies go with same-origin requests only.
    if (!page.document || !page.location || new URL(url).origin !== page.location.origin) return undefined;
    for (const pair of page.document.cookie.split(';')) {
      const equals = pair.indexOf('=');
      if (equals > 0) cookies[pair.slice(0, equals).trim()] = pair.slice(equals + 1).trim();
    }
  } catch {
    return undefined;
  }
  return Object.keys(cookies).length ? filterSensitiveValues(cookies) : undefined;
}

function eventOf(failed: FailedResponse, sendDefaultPii: boolean): Event {
  const message = `HTTP Client Error with status code: ${failed.status}`;
  const { url, query, fragment } = getUrlParts(failed.url);
  const request: RequestData = { url, method: failed.method };
  if (query !== undefined) request.query_string = query;
  if (fragment !== undefined) request.fragment = fragment;
  const responseHeaders = failed.responseHeaders();
  const response: Record<string, unknown> = { status_code: failed.status };
  const contentLength = Number(responseHeaders['content-length']);
  if (Number.isFinite(contentLength) && responseHeaders['content-length'])
    response['body_size'] = contentLength;
  if (sendDefaultPii) {
    request.headers = filterSensitiveValues(failed.requestHeaders());
    const cookies = pageCookies(failed.url);
    if (cookies) request.cookies = cookies;
    response['headers'] = filterSensitiveValues(responseHeaders);
  }
  return {
    level: 'error',
    exception: {
      values: [
        // handled: a failed response is something the page receives, not an error it failed to catch
        {
          type: 'Error',
          value: message,
          mechanism: { type: `auto.http.client.${failed.api}`, handled: true, synthetic: true },
        },
      ],
    },
    request,
    contexts: { response },
  };
}

function fromFetch(call: FetchCall): FailedResponse | undefined {
  const { response } = call;
  if (!response || call.status_code === undefined) return undefined;
  return {
    api: 'fetch',
    method: call.method,
    url: absolute(response.url || call.url),
    status: call.status_code,
    requestHeaders: () => fetchRequestHeaders(call.args),
    responseHeaders: () => headerPairs(response.headers),
  };
}

function fromXhr(call: XhrCall): FailedResponse | undefined {
  if (!call.status_code) return undefined;
  return {
    api: 'xhr',
    method: call.method,
    url: absolute(call.xhr.responseURL || call.url),
    status: call.status_code,
    requestHeaders: () => ({ ...call.requestHeaders }),
    responseHeaders: () => xhrResponseHeaders(call.xhr),
  };
}

/**
 * Captures responses of `fetch` and XMLHttpRequest whose status is in `failedRequestStatusCodes`
 * (default 500–599) and whose URL matches `failedRequestTargets`, as error events
 * "HTTP Client Error with status code: N" with the `request` (method, URL) and the `response`
 * context (status, body size). Headers and cookies only with `sendDefaultPii` (sensitive values
 * filtered). The SDK's own requests never count.
 */
export function httpClientIntegration(input: HttpClientOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<HttpClientOptions>(input);
  const statusCodes = options.failedRequestStatusCodes ?? [[500, 599]];
  const targets = options.failedRequestTargets ?? [/.*/];
  return {
    name: NAME,
    setup(client) {
      const sendDefaultPii = client.getOptions().sendDefaultPii === true;
      const report = (failed: FailedResponse | undefined): void => {
        if (!failed || getClient() !== client || !matchesStatus(failed.status, statusCodes)) return;
        if (isSdkRequest(failed.url, client) || !matchesTarget(failed.url, targets)) return;
        captureEvent(eventOf(failed, sendDefaultPii));
      };
      const unsubscribe = [
        addFetchHandler((call) => report(fromFetch(call))),
        addXhrHandler((call) => report(fromXhr(call))),
      ];
      client.on('close', () => unsubscribe.forEach((stop) => stop()));
    },
  };
}
