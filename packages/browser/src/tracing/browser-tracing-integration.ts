import {
  getCurrentScope,
  getIsolationScope,
  spanToJSON,
  type ClientLike as Client,
  type Integration,
  type Span,
  type StartSpanOptions,
} from '@sentry-sdk/core';
import {
  callGuarded,
  createPropagationContext,
  DEBUG_BUILD,
  debug,
  propagationContextFromHeaders,
  startIdleSpan,
} from '@sentry-sdk/core/internal';
import { addHistoryHandler } from '../instrument';
import { startBackgroundCancel } from './background';
import { getNavigationName } from './history-navigation';
import { startInpSpans } from './inp';
import { startClickSpans } from './interactions';
import { startLongTaskSpans } from './long-tasks';
import { getTraceFromMetaTags } from './meta-tags';
import { addNavigationTimingSpans } from './navigation-timing';
import { getPerformance, toRelativeMs } from './performance';
import { startRequestSpans } from './request-spans';
import { addResourceSpans } from './resource-spans';
import { setRouteSpanStarter, type RouteSpanStarter } from './route-spans';
import { addUserTimingSpans } from './user-timing';
import { startWebVitals } from './web-vitals';

const NAME = 'BrowserTracing';

/** Options of browserTracingIntegration; all optional. */
export interface BrowserTracingOptions {
  /** A `pageload` transaction from navigation start (default true). */
  instrumentPageLoad?: boolean;
  /** A `navigation` transaction for each History API route change (default true). */
  instrumentNavigation?: boolean;
  /** Hash changes are route changes too, and route names keep the hash (hash routers; default false). */
  instrumentHashChange?: boolean;
  /** Ends a route transaction this long (ms) after its last open child ended (default 1000). */
  idleTimeout?: number;
  /** Ends a route transaction this long (ms) after it started, whatever is open (default 30000). */
  finalTimeout?: number;
  /** A child open this long (ms) stops holding its route transaction open (default 15000). */
  childSpanTimeout?: number;
  /** Changes (or renames) a page-load or navigation span before it starts; returns the options to use. */
  beforeStartSpan?: (options: StartSpanOptions) => StartSpanOptions;
  /** Whether a request to `url` gets an `http.client` span (default: every request). Headers follow `tracePropagationTargets`. */
  shouldCreateSpanForRequest?: (url: string) => boolean;
  /** `ui.long-task` spans where long animation frames are not available or not wanted (default true). */
  enableLongTask?: boolean;
  /** `ui.long-animation-frame` spans where the browser reports them (default true). */
  enableLongAnimationFrame?: boolean;
  /** Interaction to Next Paint as a standalone `ui.interaction.*` span (default true). */
  enableInp?: boolean;
  /** A `ui.action.click` transaction for clicks outside page loads and navigations (default false). */
  enableInteractions?: boolean;
  /** `http.client` spans and trace headers for `fetch` (default true). */
  traceFetch?: boolean;
  /** `http.client` spans and trace headers for XMLHttpRequest (default true). */
  traceXHR?: boolean;
  /** A page that goes to the background ends its route transaction as `cancelled` (default true). */
  markBackgroundSpan?: boolean;
}

const DEFAULTS = {
  instrumentPageLoad: true,
  instrumentNavigation: true,
  instrumentHashChange: false,
  idleTimeout: 1000,
  finalTimeout: 30_000,
  childSpanTimeout: 15_000,
  enableLongTask: true,
  enableLongAnimationFrame: true,
  enableInp: true,
  enableInteractions: false,
  traceFetch: true,
  traceXHR: true,
  markBackgroundSpan: true,
  beforeStartSpan: undefined as BrowserTracingOptions['beforeStartSpan'],
  shouldCreateSpanForRequest: undefined as BrowserTracingOptions['shouldCreateSpanForRequest'],
};

type ResolvedOptions = typeof DEFAULTS;

/** The options with defaults; a value of the wrong type is ignored with a debug message naming it. */
function readOptions(options: unknown): ResolvedOptions {
  const resolved = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof ResolvedOptions)[]) {
    const value = callGuarded<unknown>(
      `reading option ${key}`,
      () => (options as Record<string, unknown>)[key],
      undefined,
    );
    if (value === undefined) continue;
    const expected = DEFAULTS[key] === undefined ? 'function' : typeof DEFAULTS[key];
    const valid = typeof value === expected && (expected !== 'number' || (value as number) >= 0);
    if (valid) (resolved as Record<string, unknown>)[key] = value;
    else
      DEBUG_BUILD &&
        debug.warn(
          `browserTracingIntegration: option \`${key}\` must be a ${expected}; the default is used.`,
        );
  }
  return resolved;
}

/** The latest route: its name for click transactions, its span for requests, vitals and INP. */
interface Route {
  name: string;
  source: string;
  span: Span | undefined;
}

/**
 * Traces the page: a `pageload` transaction from navigation start (continuing a server's trace from
 * `<meta name="sentry-trace">`/`<meta name="baggage">`), `navigation` transactions for History API
 * route changes, Core Web Vitals as measurements, navigation timing, resource, long task, paint and
 * User Timing spans, `http.client` spans for fetch and XHR with trace headers for same-origin URLs and
 * `tracePropagationTargets`, INP as its own span, and optionally click transactions.
 * @example Sentry.init({ dsn, tracesSampleRate: 0.2, integrations: [Sentry.browserTracingIntegration()] });
 */
export function browserTracingIntegration(userOptions: BrowserTracingOptions = {}): Integration {
  const options = readOptions(userOptions);
  const route: Route = { name: '', source: 'url', span: undefined };
  const getRouteSpan = (): Span | undefined => route.span;
  const hasPage = (): boolean =>
    !!getPerformance() && typeof document === 'object' && typeof location === 'object';
  let addWebVitals: ((span: Span) => void) | undefined;

  /** Adds what the Performance API recorded during the route, just before its span ends. */
  const addPerformanceSpans = (kind: string, span: Span): void => {
    if (!span.isRecording()) return;
    const pageload = kind === 'pageload';
    const since = pageload ? 0 : toRelativeMs(spanToJSON(span).start_timestamp);
    if (pageload) {
      addNavigationTimingSpans(span);
      addWebVitals?.(span);
    }
    addResourceSpans(span, since);
    addUserTimingSpans(span, since, pageload);
  };

  const startRoute: RouteSpanStarter = (kind, input, trace) => {
    if (route.span?.isRecording()) route.span.end();
    const context = trace
      ? propagationContextFromHeaders(trace.sentryTrace, trace.baggage)
      : createPropagationContext();
    getCurrentScope().setPropagationContext(context);
    getIsolationScope().setPropagationContext(context);
    const base: StartSpanOptions = {
      op: kind,
      ...input,
      attributes: { 'sentry.origin': `auto.${kind}.browser`, 'sentry.source': 'url', ...input.attributes },
    };
    const changed =
      options.beforeStartSpan && callGuarded('beforeStartSpan', () => options.beforeStartSpan!(base), base);
    const spanOptions = changed && typeof changed === 'object' ? changed : base;
    // the resolved options carry the three timeouts startIdleSpan reads
    route.span = startIdleSpan(spanOptions, {
      ...options,
      beforeSpanEnd: (span) => addPerformanceSpans(kind, span),
    });
    route.name = String(spanOptions.name);
    const source = spanOptions.attributes?.['sentry.source'];
    route.source = typeof source === 'string' ? source : 'url';
    return route.span;
  };

  const start = (client: Client): void => {
    const stops: (() => void)[] = [];
    if (options.traceFetch || options.traceXHR) stops.push(startRequestSpans(client, options));
    if (!hasPage()) return;
    addWebVitals = startWebVitals();
    if (options.enableInp) startInpSpans(client, getRouteSpan);
    if (options.markBackgroundSpan) startBackgroundCancel(getRouteSpan);
    stops.push(startLongTaskSpans(getRouteSpan, options.enableLongAnimationFrame, options.enableLongTask));
    if (options.enableInteractions) {
      const startClick = (spanOptions: StartSpanOptions): Span => startIdleSpan(spanOptions, options);
      stops.push(startClickSpans(client, () => route, startClick));
    }
    client.on('close', () => stops.forEach((stop) => stop()));
  };

  return {
    name: NAME,
    setup(client) {
      start(client);
    },
    afterAllSetup(client) {
      setRouteSpanStarter(client, startRoute);
      if (!hasPage()) return;
      if (options.instrumentPageLoad) {
        const timeOrigin = getPerformance()!.timeOrigin;
        const name = options.instrumentHashChange ? location.pathname + location.hash : location.pathname;
        startRoute('pageload', { name, startTime: timeOrigin / 1000 }, getTraceFromMetaTags());
      }
      if (options.instrumentNavigation) {
        const stop = addHistoryHandler((change) => {
          const name = getNavigationName(change, options.instrumentHashChange);
          if (name !== undefined) startRoute('navigation', { name });
        });
        client.on('close', stop);
      }
    },
  };
}
