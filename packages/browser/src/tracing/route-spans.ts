import type { ClientLike as Client, Span, StartSpanOptions } from '@sentry-sdk/core';

/** Where a page-load span continues a server's trace from (the values of its meta tags or headers). */
export interface RouteTraceOptions {
  sentryTrace?: string | undefined;
  baggage?: string | undefined;
}

/** Starts a `pageload` or `navigation` span for one client; browserTracingIntegration registers it. */
export type RouteSpanStarter = (
  kind: 'pageload' | 'navigation',
  options: StartSpanOptions,
  trace?: RouteTraceOptions,
) => Span | undefined;

const starters = new WeakMap<Client, RouteSpanStarter>();

/** @internal Registers the starter of a client's browserTracingIntegration. */
export function setRouteSpanStarter(client: Client, starter: RouteSpanStarter): void {
  starters.set(client, starter);
}

function start(client: Client | undefined, ...args: Parameters<RouteSpanStarter>): Span | undefined {
  const starter = client && starters.get(client);
  return starter ? starter(...args) : undefined;
}

/**
 * Starts a `pageload` span through the client's browserTracingIntegration (for routers that name the
 * first route themselves, with `instrumentPageLoad: false`); `trace` continues a server's trace.
 * Returns the span, or `undefined` without the integration.
 * @example startBrowserTracingPageLoadSpan(getClient()!, { name: '/users/:id', attributes: { 'sentry.source': 'route' } });
 */
export function startBrowserTracingPageLoadSpan(
  client: Client,
  spanOptions: StartSpanOptions,
  trace?: RouteTraceOptions,
): Span | undefined {
  return start(client, 'pageload', spanOptions, trace);
}

/**
 * Starts a `navigation` span (a new trace) through the client's browserTracingIntegration, for
 * routers that report route changes themselves (with `instrumentNavigation: false`).
 * @example startBrowserTracingNavigationSpan(getClient()!, { name: '/users/:id', attributes: { 'sentry.source': 'route' } });
 */
export function startBrowserTracingNavigationSpan(
  client: Client,
  spanOptions: StartSpanOptions,
): Span | undefined {
  return start(client, 'navigation', spanOptions);
}
