import { normalize } from '../event';
import { copyOwnEntries, debug, DEBUG_BUILD, isPlainObject, readProperty } from '../lib';
import type { ClientOptions, Integration, RequestData } from '../types';
import { filterCookies, filterHeaders, filterQuery, parseCookies, splitUrl } from './filter-request';

const NAME = 'RequestData';

/**
 * The incoming request as runtime integrations hand it over in `hint.data.request` (or put it
 * on `event.request`): headers may be arrays, cookies a raw `Cookie` header, `ip` the client's address.
 */
export interface RequestDescription {
  method?: string;
  url?: string;
  headers?: Record<string, string | string[] | number | undefined>;
  query_string?: string | Record<string, string>;
  cookies?: string | Record<string, string>;
  data?: unknown;
  ip?: string;
}

/** Which parts of the request to send; all default to true. Cookies, body, IP and query also need `sendDefaultPii`. */
export interface RequestDataOptions {
  include?: { cookies?: boolean; data?: boolean; headers?: boolean; ip?: boolean; query_string?: boolean; url?: boolean };
}

type Include = Required<NonNullable<RequestDataOptions['include']>>;

/**
 * Fills `event.request` from the request description in `hint.data.request` (or the one already
 * on the event), scrubbed per protocol.md §15: without `sendDefaultPii` no cookies, IP, body or
 * query string, and credential or identifying headers read `[Filtered]`; URL credentials never
 * leave. With it: cookies as an object, the body as `data`, the IP as `user.ip_address`.
 */
export function requestDataIntegration(input: RequestDataOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<RequestDataOptions>(input);
  const wanted = (part: keyof Include): boolean => readProperty(options.include, part) !== false;
  const include: Include = {
    cookies: wanted('cookies'),
    data: wanted('data'),
    headers: wanted('headers'),
    ip: wanted('ip'),
    query_string: wanted('query_string'),
    url: wanted('url'),
  };
  return {
    name: NAME,
    processEvent(event, hint, client) {
      const fromHint = readProperty(hint.data, 'request');
      const source: unknown = fromHint ?? event.request;
      if (!isPlainObject(source)) return event;
      try {
        const clientOptions = client.getOptions();
        const request = buildRequest(source, include, clientOptions);
        event.request = fromHint ? { ...event.request, ...request } : request;
        const ip = source['ip'];
        if (include.ip && clientOptions.sendDefaultPii === true && typeof ip === 'string' && ip && !event.user?.ip_address) {
          event.user = { ...event.user, ip_address: ip };
        }
      } catch (error) {
        // Unscrubbed data must not leave: an unreadable request is dropped rather than sent raw.
        DEBUG_BUILD && debug.warn(`${NAME}: could not read the request; it is left out of the event`, error);
        if (!fromHint) delete event.request;
      }
      return event;
    },
  };
}

function buildRequest(
  source: RequestDescription,
  include: Include,
  options: ClientOptions,
): RequestData {
  const pii = options.sendDefaultPii === true;
  const request: RequestData = {};
  if (typeof source.method === 'string') request.method = source.method;

  const url = typeof source.url === 'string' ? splitUrl(source.url) : undefined;
  if (url && include.url) {
    request.url = url.url;
    if (pii && url.fragment) request.fragment = url.fragment;
  }

  const headers = isPlainObject(source.headers) ? source.headers : undefined;
  if (headers && include.headers) request.headers = filterHeaders(headers, pii);
  if (!pii) return request;

  const query = source.query_string ?? url?.query;
  if (include.query_string && (typeof query === 'string' ? query : isPlainObject(query))) {
    request.query_string = filterQuery(query as string | Record<string, string>);
  }
  if (include.cookies) {
    const cookies = getCookies(source.cookies, headers);
    if (cookies) request.cookies = filterCookies(cookies);
  }
  if (include.data && source.data !== undefined) {
    request.data = normalize(source.data, options.normalizeDepth ?? 3, options.normalizeMaxBreadth ?? 1000, options.maxValueLength);
  }
  return request;
}

function getCookies(cookies: unknown, headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (isPlainObject(cookies)) return cookies;
  if (typeof cookies === 'string') return parseCookies(cookies);
  const header = headers && Object.keys(headers).find((name) => name.toLowerCase() === 'cookie');
  const value = header === undefined ? undefined : headers?.[header];
  return typeof value === 'string' ? parseCookies(value) : undefined;
}
