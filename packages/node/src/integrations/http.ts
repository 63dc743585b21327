import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Integration } from '@sentry-sdk/core';
import { instrumentHttpClient, instrumentHttpServer, type RequestBodySize } from '../instrumentation';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'Http';

/** Options of httpIntegration. */
export interface HttpIntegrationOptions {
  /** A breadcrumb per outgoing request. Default true. */
  breadcrumbs?: boolean;
  /** `http.server` transactions for incoming requests and `http.client` spans for outgoing ones. Default true. */
  spans?: boolean;
  /** Emit the client hook `requestEnd` per answered request, for request-mode sessions. Default true. */
  trackIncomingRequestsAsSessions?: boolean;
  /** How much of an incoming request body to send (`sendDefaultPii` only): none, 1 KB, 10 KB, or all (up to 1 MiB). Default `medium`. */
  maxIncomingRequestBodySize?: RequestBodySize;
  /** Incoming requests to record no transaction for; `urlPath` is the path with its query string. */
  ignoreIncomingRequests?: (urlPath: string, request: IncomingMessage) => boolean;
  /** Outgoing requests to record neither span nor breadcrumb for (trace headers follow `tracePropagationTargets`). */
  ignoreOutgoingRequests?: (url: string, request: ClientRequest) => boolean;
  /** Record no transaction for the default health-check paths (`/health`, `/healthz`, `/ping`, …). Default true. */
  ignoreHealthChecks?: boolean;
}

const BODY_SIZES: readonly unknown[] = ['none', 'small', 'medium', 'always'];

/**
 * Instruments `node:http` and `node:https` without loader flags: every incoming request gets its
 * own isolation scope (its request data on events) and, with tracing, an `http.server`
 * transaction continuing the caller's trace; outgoing requests get `http.client` spans,
 * breadcrumbs and trace headers. Installed by default.
 */
export function httpIntegration(input: HttpIntegrationOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<HttpIntegrationOptions>(input);
  const bodySize = BODY_SIZES.includes(options.maxIncomingRequestBodySize)
    ? (options.maxIncomingRequestBodySize as RequestBodySize)
    : 'medium';
  const spans = options.spans !== false;
  return {
    name: NAME,
    setup(client) {
      instrumentHttpServer(client, {
        spans,
        ignoreIncomingRequests: options.ignoreIncomingRequests,
        ignoreHealthChecks: options.ignoreHealthChecks !== false,
        maxIncomingRequestBodySize: bodySize,
        trackIncomingRequestsAsSessions: options.trackIncomingRequestsAsSessions !== false,
      });
      instrumentHttpClient(client, {
        breadcrumbs: options.breadcrumbs !== false,
        spans,
        ignoreOutgoingRequests: options.ignoreOutgoingRequests as
          ((url: string, request: unknown) => boolean) | undefined,
      });
    },
  };
}
