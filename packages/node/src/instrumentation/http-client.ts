import { subscribe } from 'node:diagnostics_channel';
import http from 'node:http';
import https from 'node:https';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import type { ClientLike, TraceData } from '@sentry-sdk/core';
import { callGuarded, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { bindEmitter } from './bind-emitter';
import { hasClientRequestCreatedChannel, hasClientRequestStartChannel } from './node-capabilities';
import {
  getOutgoingOptions,
  mergeBaggage,
  startOutgoingRequest,
  type OutgoingRecording,
  type OutgoingRequestOptions,
} from './outgoing-request';

const optionsByClient = new WeakMap<ClientLike, OutgoingRequestOptions>();
const seen = new WeakSet<ClientRequest>();
let installed = false;

/** How trace headers reach `node:http` requests: a channel published before headers are written, or wrapped exports. */
export type HttpClientMode = 'channel' | 'patch';

/**
 * Records outgoing `node:http`/`node:https` requests (spans, breadcrumbs) and adds trace headers.
 * Node 22.12+ publishes `http.client.request.created` before a request's headers are written, and
 * the headers are added there. Older versions publish only `http.client.request.start`, once the
 * headers are already written: there `http.request`, `http.get`, `https.request` and `https.get`
 * are wrapped (ES module named imports too, through `syncBuiltinESMExports`) to add them, and the
 * channel still records requests made through references taken before `init`, without headers.
 */
export function instrumentHttpClient(
  client: ClientLike,
  options: OutgoingRequestOptions,
  mode: HttpClientMode = hasClientRequestCreatedChannel() ? 'channel' : 'patch',
): void {
  optionsByClient.set(client, options);
  if (installed) return;
  installed = true;
  if (mode === 'channel') {
    subscribe('http.client.request.created', (message) =>
      onRequest((message as { request: ClientRequest }).request, true),
    );
  } else {
    patchRequestFunctions(http);
    patchRequestFunctions(https);
    syncBuiltinESMExports();
  }
  if (hasClientRequestStartChannel()) {
    subscribe('http.client.request.start', (message) =>
      onRequest((message as { request: ClientRequest }).request, false),
    );
  }
}

type RequestModule = Pick<typeof http, 'request' | 'get'>;

function patchRequestFunctions(module: RequestModule): void {
  const originalRequest = module.request;
  const originalGet = module.get;
  const request = function request(this: unknown, ...args: unknown[]): ClientRequest {
    const outgoing = (originalRequest as (...a: unknown[]) => ClientRequest).apply(this, args);
    onRequest(outgoing, true);
    return outgoing;
  };
  // `get` is `request` + `end()`; the headers must be added before `end()` writes them
  const get = function get(this: unknown, ...args: unknown[]): ClientRequest {
    const outgoing = (module.request as (...a: unknown[]) => ClientRequest).apply(this, args);
    outgoing.end();
    return outgoing;
  };
  markFunctionWrapped(request, originalRequest);
  markFunctionWrapped(get, originalGet);
  module.request = request;
  module.get = get;
}

function onRequest(request: ClientRequest | undefined, canAddHeaders: boolean): void {
  // called from the app's http.request and from channel subscribers: a throw must reach neither
  callGuarded('http instrumentation', () => recordRequest(request, canAddHeaders), undefined);
}

function recordRequest(request: ClientRequest | undefined, canAddHeaders: boolean): void {
  if (!request || typeof request !== 'object' || seen.has(request)) return;
  seen.add(request);
  const entry = getOutgoingOptions(optionsByClient);
  if (!entry || request.method === 'CONNECT') return; // CONNECT opens a proxy tunnel, not an app request
  const [client, options] = entry;
  const recording = startOutgoingRequest(client, options, {
    method: request.method || 'GET',
    url: getRequestUrl(request),
    request,
    kind: 'http',
  });
  if (!recording) return;
  if (canAddHeaders) addTraceHeaders(request, recording.traceHeaders);
  observe(request, recording);
}

function observe(request: ClientRequest, recording: OutgoingRecording): void {
  let response: IncomingMessage | undefined;
  const result = (): { statusCode?: number; contentLength?: number; response?: unknown } => {
    if (!response) return {};
    const length = Number(response.headers['content-length']);
    return {
      ...(response.statusCode !== undefined ? { statusCode: response.statusCode } : {}),
      ...(Number.isFinite(length) && response.headers['content-length'] ? { contentLength: length } : {}),
      response,
    };
  };
  bindEmitter(request, {
    after: (event, args) => {
      if (event === 'response') {
        response = args[0] as IncomingMessage;
        bindEmitter(response, {
          after: (responseEvent, responseArgs) => {
            if (responseEvent === 'end' || responseEvent === 'close') recording.finish(result());
            else if (responseEvent === 'error') recording.finish({ ...result(), error: responseArgs[0] });
          },
        });
      } else if (event === 'error') {
        recording.finish({ ...result(), error: args[0] });
      } else if (event === 'close') {
        recording.finish(response ? result() : { error: new Error('the request closed without a response') });
      }
    },
  });
}

function getRequestUrl(request: ClientRequest): string {
  let host: unknown;
  try {
    host = request.getHeader('host');
  } catch {
    host = undefined;
  }
  if (typeof host !== 'string' || host === '') {
    host = request.host.includes(':') && !request.host.startsWith('[') ? `[${request.host}]` : request.host;
  }
  return `${request.protocol || 'http:'}//${String(host)}${request.path}`;
}

function addTraceHeaders(request: ClientRequest, headers: TraceData): void {
  const sentryTrace = headers['sentry-trace'];
  if (!sentryTrace || request.headersSent) return;
  try {
    // the app propagates this trace itself: adding ours would duplicate or contradict it
    if (request.getHeader('sentry-trace') !== undefined) return;
    request.setHeader('sentry-trace', sentryTrace);
    if (headers.traceparent && request.getHeader('traceparent') === undefined) {
      request.setHeader('traceparent', headers.traceparent);
    }
    const baggage = mergeBaggage(request.getHeader('baggage'), headers.baggage);
    if (baggage) request.setHeader('baggage', baggage);
  } catch {
    // headers given as an array are written at once and cannot be changed: the request goes as it is
  }
}
