import type { RouteTraceOptions } from './route-spans';

function readMeta(name: string): string | undefined {
  try {
    const content = (globalThis as { document?: Document }).document
      ?.querySelector(`meta[name="${name}"]`)
      ?.getAttribute('content');
    return content ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The trace a server rendered into the page as `<meta name="sentry-trace">` and `<meta name="baggage">`
 * (protocol.md §7.5), for the page load to continue; `undefined` when the page has none.
 */
export function getTraceFromMetaTags(): RouteTraceOptions | undefined {
  const sentryTrace = readMeta('sentry-trace');
  return sentryTrace ? { sentryTrace, baggage: readMeta('baggage') } : undefined;
}
