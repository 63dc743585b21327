import { subscribe } from 'node:diagnostics_channel';
import type { ClientLike, TraceData } from '@sentry-sdk/core';
import { callGuarded } from '@sentry-sdk/core/internal';
import {
  getOutgoingOptions,
  mergeBaggage,
  startOutgoingRequest,
  type OutgoingRecording,
  type OutgoingRequestOptions,
} from './outgoing-request';

/** The parts of undici's request object (Node's `fetch` and the `undici` package) that are read. */
interface UndiciRequest {
  origin?: unknown;
  method?: unknown;
  path?: unknown;
  /** `[name, value, name, value, …]` (undici 6+) or raw `name: value\r\n` lines (undici 5). */
  headers?: unknown;
  addHeader?: (name: string, value: string) => unknown;
}

interface UndiciResponse {
  statusCode?: number;
  headers?: unknown[];
}

interface State {
  recording: OutgoingRecording;
  statusCode?: number;
  contentLength?: number;
  response?: UndiciResponse;
}

const optionsByClient = new WeakMap<ClientLike, OutgoingRequestOptions>();
const states = new WeakMap<object, State>();
let installed = false;

/**
 * Records requests of `fetch` and the `undici` package through undici's diagnostics channels
 * (`undici:request:create`, `:headers`, `:trailers`, `:error`), adding trace headers at creation.
 * The span ends when the whole response was received, or on error.
 */
export function instrumentUndici(client: ClientLike, options: OutgoingRequestOptions): void {
  optionsByClient.set(client, options);
  if (installed) return;
  installed = true;
  subscribe(
    'undici:request:create',
    guarded((message) => onCreate((message as { request: UndiciRequest }).request)),
  );
  subscribe(
    'undici:request:headers',
    guarded((message) => {
      const { request, response } = message as { request: object; response: UndiciResponse };
      const state = states.get(request);
      if (!state || !response) return;
      state.response = response;
      if (typeof response.statusCode === 'number') state.statusCode = response.statusCode;
      const length = Number(readHeader(response.headers, 'content-length'));
      if (Number.isFinite(length) && readHeader(response.headers, 'content-length'))
        state.contentLength = length;
    }),
  );
  subscribe(
    'undici:request:trailers',
    guarded((message) => finish((message as { request: object }).request)),
  );
  subscribe(
    'undici:request:error',
    guarded((message) => {
      const { request, error } = message as { request: object; error: unknown };
      finish(request, error ?? new Error('request failed'));
    }),
  );
}

/** A subscriber that never throws: Node reports a throwing subscriber as an uncaught exception. */
function guarded(subscriber: (message: unknown) => void): (message: unknown) => void {
  return (message) => callGuarded('fetch instrumentation', () => subscriber(message), undefined);
}

function onCreate(request: UndiciRequest | undefined): void {
  if (!request || typeof request !== 'object' || states.has(request)) return;
  const entry = getOutgoingOptions(optionsByClient);
  if (!entry || request.method === 'CONNECT') return;
  const url = getUrl(request);
  if (!url) return;
  const [client, options] = entry;
  const recording = startOutgoingRequest(client, options, {
    method: typeof request.method === 'string' ? request.method : 'GET',
    url,
    request,
    kind: 'fetch',
  });
  if (!recording) return;
  states.set(request, { recording });
  addTraceHeaders(request, recording.traceHeaders);
}

function finish(request: object, error?: unknown): void {
  const state = states.get(request);
  if (!state) return;
  states.delete(request);
  state.recording.finish({
    statusCode: state.statusCode,
    contentLength: state.contentLength,
    response: state.response,
    ...(error !== undefined ? { error } : {}),
  });
}

function getUrl(request: UndiciRequest): string | undefined {
  try {
    const path = typeof request.path === 'string' ? request.path : '/';
    const origin = request.origin instanceof URL ? request.origin.origin : request.origin;
    return typeof origin === 'string' ? new URL(path, origin).href : undefined;
  } catch {
    return undefined;
  }
}

/** A header of undici's request or response (array of names and values, or raw lines). */
function readHeader(headers: unknown, name: string): string | undefined {
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
    }
    return undefined;
  }
  if (typeof headers === 'string') {
    for (const line of headers.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name)
        return line.slice(colon + 1).trim();
    }
  }
  return undefined;
}

function addTraceHeaders(request: UndiciRequest, headers: TraceData): void {
  const sentryTrace = headers['sentry-trace'];
  if (!sentryTrace || typeof request.addHeader !== 'function') return;
  try {
    if (readHeader(request.headers, 'sentry-trace') !== undefined) return;
    request.addHeader('sentry-trace', sentryTrace);
    if (headers.traceparent && readHeader(request.headers, 'traceparent') === undefined) {
      request.addHeader('traceparent', headers.traceparent);
    }
    const existing = readHeader(request.headers, 'baggage');
    const baggage = mergeBaggage(existing, headers.baggage);
    if (!baggage) return;
    if (existing === undefined) request.addHeader('baggage', baggage);
    else replaceHeader(request, 'baggage', baggage);
  } catch {
    // an undici version that refuses the header: the request goes as it is
  }
}

/** Replaces a header's value in place, so that the request carries one `baggage` header, not two. */
function replaceHeader(request: UndiciRequest, name: string, value: string): void {
  const { headers } = request;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === name) headers[i + 1] = value;
    }
  } else if (typeof headers === 'string') {
    request.headers = headers
      .split('\r\n')
      .map((line) =>
        line.slice(0, line.indexOf(':')).trim().toLowerCase() === name ? `${name}: ${value}` : line,
      )
      .join('\r\n');
  }
}
