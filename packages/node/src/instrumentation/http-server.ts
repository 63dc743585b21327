import { subscribe } from 'node:diagnostics_channel';
import * as http from 'node:http';
import * as https from 'node:https';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  continueTrace,
  getClient,
  hasTracingEnabled,
  setHttpStatus,
  startSpanManual,
  withIsolationScope,
  type ClientLike,
  type Span,
} from '@sentry-sdk/core';
import { callGuarded, DEBUG_BUILD, debug, markFunctionWrapped } from '@sentry-sdk/core/internal';
import { startRequestSession } from '../sessions';
import { bindEmitter } from './bind-emitter';
import { describeIncomingRequest, getPathname, isHealthCheckPath } from './incoming-request';
import { hasServerRequestChannel } from './node-capabilities';
import { createBodyCollector, getBodyLimit, isTextBody, type RequestBodySize } from './request-body';
import { setIncomingRequestState } from './request-route';
import { getServerAttributes } from './server-attributes';

/** What the server instrumentation does for one client (from httpIntegration's options). */
export interface HttpServerOptions {
  /** Record an `http.server` transaction per request. */
  spans: boolean;
  /** Requests for which no transaction is recorded (the path with its query string, the request). */
  ignoreIncomingRequests?: ((urlPath: string, request: IncomingMessage) => boolean) | undefined;
  /** Ignore the default health-check paths (`DEFAULT_HEALTH_CHECK_PATHS`). */
  ignoreHealthChecks: boolean;
  maxIncomingRequestBodySize: RequestBodySize;
  /** Start a request session per request and emit the client hook `requestEnd` when its response is done. */
  trackIncomingRequestsAsSessions: boolean;
}

const optionsByClient = new WeakMap<ClientLike, HttpServerOptions>();
const seen = new WeakSet<IncomingMessage>();
const patchedServers = new WeakSet<object>();
let installed = false;

/**
 * Gives every request of every `node:http`/`node:https` server in the process its own isolation
 * scope and, with tracing, an `http.server` transaction, for requests the current client handles
 * with these options. Servers are found through the `http.server.request.start` channel, which
 * Node publishes right before it emits `request`: the server's own `emit` is wrapped then, so the
 * handler runs inside the scope. Without the channel, `Server.prototype.emit` is wrapped instead.
 */
export function instrumentHttpServer(
  client: ClientLike,
  options: HttpServerOptions,
  useChannel = hasServerRequestChannel(),
): void {
  optionsByClient.set(client, options);
  if (installed) return;
  installed = true;
  if (useChannel) {
    subscribe('http.server.request.start', (message) => {
      const server = (message as { server?: unknown }).server as Server | undefined;
      // a subscriber that throws would surface as an uncaught exception: never let it
      if (server && !patchedServers.has(server))
        callGuarded('http instrumentation', () => patchEmit(server), undefined);
    });
  } else {
    patchEmit(http.Server.prototype as Server);
    patchEmit(https.Server.prototype);
  }
}

function patchEmit(target: Server): void {
  patchedServers.add(target);
  const original = Reflect.get(target, 'emit') as (
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  const emit = function sentryServerEmit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'request') return original.call(this, event, ...args);
    const request = args[0] as IncomingMessage;
    const client = getClient();
    const options = client && optionsByClient.get(client);
    if (!client || !options || !request || typeof request !== 'object' || seen.has(request)) {
      return original.call(this, event, ...args);
    }
    seen.add(request);
    let handled = false;
    const next = (): boolean => {
      handled = true;
      return original.call(this, event, ...args);
    };
    try {
      return handleRequest(client, options, request, args[1] as ServerResponse, next);
    } catch (error) {
      if (handled) throw error; // the app's own handler threw
      DEBUG_BUILD && debug.error('http instrumentation failed; the request runs without it', error);
      return next();
    }
  } as Server['emit'];
  markFunctionWrapped(emit, original);
  target.emit = emit;
}

function handleRequest(
  client: ClientLike,
  options: HttpServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
  next: () => boolean,
): boolean {
  return withIsolationScope((isolationScope) => {
    const method = (request.method ?? 'GET').toUpperCase();
    const target = request.url ?? '/';
    const path = getPathname(target);
    const name = `${method} ${path}`;
    const description = describeIncomingRequest(request);
    isolationScope.setSDKProcessingMetadata({ request: description });
    isolationScope.setTransactionName(name, 'url');
    const pii = client.getOptions().sendDefaultPii === true;
    const ignored =
      (options.ignoreHealthChecks && isHealthCheckPath(path)) ||
      (options.ignoreIncomingRequests !== undefined &&
        callGuarded(
          'httpIntegration: ignoreIncomingRequests',
          () => options.ignoreIncomingRequests?.(target, request) === true,
          false,
        ));

    const bodyLimit = pii ? getBodyLimit(options.maxIncomingRequestBodySize) : 0;
    const contentType = request.headers['content-type'];
    const body = bodyLimit > 0 && isTextBody(contentType) ? createBodyCollector(bodyLimit) : undefined;

    const trackSession = !ignored && options.trackIncomingRequestsAsSessions;
    if (trackSession) startRequestSession(isolationScope, client);

    return continueTrace(request.headers, () => {
      const run = (span: Span | undefined): boolean => {
        setIncomingRequestState(request, { isolationScope, span, method });
        bindEmitter(request, {
          // before the app's `end` listeners, which may capture an error that should carry the body
          before:
            body &&
            ((event, args) => {
              if (event === 'data') body.add(args[0]);
              else if (event === 'end') {
                const text = body.read();
                if (text !== undefined) description.data = text;
              }
            }),
        });
        let done = false;
        // after the app's `finish` listeners, so what they add to the scope is on the transaction
        bindEmitter(response, {
          after: (event) => {
            if (done || (event !== 'finish' && event !== 'close')) return;
            done = true;
            if (span) {
              if (response.headersSent) setHttpStatus(span, response.statusCode);
              else span.setStatus('cancelled'); // the client went away before an answer
              span.end();
            }
            if (trackSession) {
              client.emit('requestEnd', {
                isolationScope,
                statusCode: response.headersSent ? response.statusCode : undefined,
              });
            }
          },
        });
        return next();
      };
      // Without tracing a span would only repeat the trace that continueTrace put on the scope.
      if (ignored || !options.spans || !hasTracingEnabled(client.getOptions())) return run(undefined);
      return startSpanManual(
        {
          name,
          op: 'http.server',
          attributes: getServerAttributes(request, method, path, description.url, pii),
        },
        run,
      );
    });
  });
}
