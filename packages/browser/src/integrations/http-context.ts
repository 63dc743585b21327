import type { Integration, RequestData } from '@sentry-sdk/core';

const NAME = 'HttpContext';

interface PageGlobals {
  location?: { href?: string };
  navigator?: { userAgent?: string };
  document?: { referrer?: string };
}

/**
 * Adds the page to every event as `request` (protocol.md §5.6): its URL, and the `User-Agent`
 * and `Referer` headers, from which Relay derives the browser, OS and device contexts. Values the
 * event already has win.
 */
export function httpContextIntegration(): Integration {
  return {
    name: NAME,
    preprocessEvent(event) {
      const page = globalThis as PageGlobals;
      const url = event.request?.url ?? page.location?.href;
      const headers: Record<string, string> = {};
      const userAgent = page.navigator?.userAgent;
      const referrer = page.document?.referrer;
      if (userAgent) headers['User-Agent'] = userAgent;
      if (referrer) headers['Referer'] = referrer;
      if (!url && !userAgent && !referrer) return;
      const request: RequestData = { ...event.request, headers: { ...headers, ...event.request?.headers } };
      if (url) request.url = url;
      event.request = request;
    },
  };
}
