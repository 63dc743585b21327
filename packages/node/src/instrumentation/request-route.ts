import type { IncomingMessage } from 'node:http';
import { SEMANTIC_ATTRIBUTE_SENTRY_SOURCE, type Scope, type Span } from '@sentry-sdk/core';

/** What the server instrumentation keeps per incoming request, for frameworks to name it. */
export interface IncomingRequestState {
  isolationScope: Scope;
  /** The `http.server` root span, when one records this request. */
  span: Span | undefined;
  method: string;
}

const states = new WeakMap<IncomingMessage, IncomingRequestState>();

/** Remembers the scopes and span of an incoming request. */
export function setIncomingRequestState(request: IncomingMessage, state: IncomingRequestState): void {
  states.set(request, state);
}

/** The scopes and span of an incoming request, if the server instrumentation saw it. */
export function getIncomingRequestState(request: unknown): IncomingRequestState | undefined {
  return request !== null && typeof request === 'object' ? states.get(request as IncomingMessage) : undefined;
}

/**
 * Names an incoming request after the route a framework matched (`/users/:id`): its transaction
 * becomes `GET /users/:id` with source `route`, for the `http.server` span and for error events.
 * Returns false when the request is unknown (not instrumented) or the route is empty.
 */
export function setIncomingRequestRoute(request: unknown, route: string): boolean {
  const state = getIncomingRequestState(request);
  if (!state || typeof route !== 'string' || route === '') return false;
  const name = `${state.method} ${route}`;
  state.isolationScope.setTransactionName(name, 'route');
  if (state.span) {
    state.span.updateName(name);
    state.span.setAttribute(SEMANTIC_ATTRIBUTE_SENTRY_SOURCE, 'route');
    state.span.setAttribute('http.route', route);
  }
  return true;
}
