import type { Span } from '@sentry-sdk/core';
import { addTimedSpan, getEntries } from './performance';

/**
 * Adds the page's User Timing entries from `sinceMs` on: `performance.mark()` as `mark` spans (no
 * duration), `performance.measure()` as `measure` spans; with `paint`, also the `paint` marks
 * (`first-paint`, `first-contentful-paint`) of the page load.
 */
export function addUserTimingSpans(parent: Span, sinceMs: number, paint: boolean): void {
  const types = paint ? ['mark', 'measure', 'paint'] : ['mark', 'measure'];
  for (const type of types) {
    for (const entry of getEntries(type)) {
      if (entry.startTime < sinceMs) continue;
      addTimedSpan(parent, type, entry.name, entry.startTime, entry.startTime + entry.duration);
    }
  }
}
