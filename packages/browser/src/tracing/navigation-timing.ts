import type { Span } from '@sentry-sdk/core';
import { addTimedSpan, getEntries } from './performance';

/** A phase of the page's own load, in Performance API times (ms). */
export interface TimingPhase {
  op: string;
  name: string;
  start: number;
  end: number;
}

type NavigationTiming = Partial<Record<keyof PerformanceNavigationTiming, unknown>>;

// op suffix, start field, end field: the phases of the Navigation Timing entry in order
const PHASES: [string, string, string][] = [
  ['redirect', 'redirectStart', 'redirectEnd'],
  ['cache', 'fetchStart', 'domainLookupStart'],
  ['dns', 'domainLookupStart', 'domainLookupEnd'],
  ['connect', 'connectStart', 'connectEnd'],
  ['tls', 'secureConnectionStart', 'connectEnd'],
  ['request', 'requestStart', 'responseStart'],
  ['response', 'responseStart', 'responseEnd'],
  ['domContentLoadedEvent', 'domContentLoadedEventStart', 'domContentLoadedEventEnd'],
  ['loadEvent', 'loadEventStart', 'loadEventEnd'],
];

/**
 * The `browser.*` spans of a Navigation Timing entry: only phases that happened (a redirect, a TLS
 * handshake, …) and have ended; the `request` and `response` spans are named after the document URL.
 */
export function getNavigationTimingPhases(entry: NavigationTiming): TimingPhase[] {
  const phases: TimingPhase[] = [];
  for (const [name, startKey, endKey] of PHASES) {
    const start = entry[startKey as keyof NavigationTiming];
    const end = entry[endKey as keyof NavigationTiming];
    if (typeof start !== 'number' || typeof end !== 'number' || start <= 0 || end < start) continue;
    const url = name === 'request' || name === 'response' ? entry.name : undefined;
    phases.push({ op: `browser.${name}`, name: typeof url === 'string' ? url : name, start, end });
  }
  return phases;
}

/** The page's Navigation Timing entry, if the browser has one. */
export function getNavigationEntry(): PerformanceNavigationTiming | undefined {
  return getEntries<PerformanceNavigationTiming>('navigation')[0];
}

/** Adds the `browser.*` navigation timing spans to a page-load span. */
export function addNavigationTimingSpans(pageload: Span): void {
  const entry = getNavigationEntry();
  if (!entry) return;
  for (const phase of getNavigationTimingPhases(entry))
    addTimedSpan(pageload, phase.op, phase.name, phase.start, phase.end);
}
