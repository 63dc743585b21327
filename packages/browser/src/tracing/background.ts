import type { Span } from '@sentry-sdk/core';
import { native } from '../native';

/**
 * Ends the page load or navigation in progress, as `cancelled`, when the page goes to the background:
 * timers are throttled there, so what it would measure next is not the user's experience.
 */
export function startBackgroundCancel(getRoute: () => Span | undefined): void {
  const doc = (globalThis as { document?: Document }).document;
  if (!doc || !native.addEventListener) return;
  native.addEventListener.call(doc, 'visibilitychange', () => {
    const route = getRoute();
    if (doc.visibilityState !== 'hidden' || !route?.isRecording()) return;
    route.setStatus('cancelled');
    route.setAttribute('sentry.cancellation_reason', 'document.hidden');
    route.end();
  });
}
