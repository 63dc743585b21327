import { attempt } from '@sentry-sdk/core/internal';
import { listen } from '../native';

interface PageGlobals {
  document?: Document;
}

/** True while the page is hidden or being unloaded (no document, as in workers: false). */
export function isPageHidden(): boolean {
  return attempt(() => (globalThis as PageGlobals).document?.visibilityState) === 'hidden';
}

/**
 * Calls `callback` when the page may be about to go away: on `pagehide`, and when it becomes
 * hidden (the last event a mobile browser reliably fires before discarding a tab). For the life of
 * the page: its callers (the transport, the client's reports) never stop listening.
 */
export function onPageHide(callback: () => void): void {
  const doc = (globalThis as PageGlobals).document;
  if (!doc) return;
  listen(globalThis, 'pagehide', callback);
  listen(doc, 'visibilitychange', () => isPageHidden() && callback());
}
