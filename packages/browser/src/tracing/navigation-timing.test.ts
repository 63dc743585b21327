import { describe, expect, it } from 'vitest';
import { getNavigationTimingPhases } from './navigation-timing';

// A Navigation Timing entry as Chromium reports it for an HTTPS page without a redirect.
const ENTRY = {
  name: 'https://shop.example/checkout',
  redirectStart: 0,
  redirectEnd: 0,
  fetchStart: 2,
  domainLookupStart: 5,
  domainLookupEnd: 15,
  connectStart: 15,
  secureConnectionStart: 20,
  connectEnd: 40,
  requestStart: 41,
  responseStart: 120,
  responseEnd: 130,
  domContentLoadedEventStart: 300,
  domContentLoadedEventEnd: 302,
  loadEventStart: 500,
  loadEventEnd: 0,
};

describe('getNavigationTimingPhases', () => {
  it('maps the phases that happened and ended to browser.* spans, request and response named by the URL', () => {
    expect(getNavigationTimingPhases(ENTRY)).toEqual([
      { op: 'browser.cache', name: 'cache', start: 2, end: 5 },
      { op: 'browser.dns', name: 'dns', start: 5, end: 15 },
      { op: 'browser.connect', name: 'connect', start: 15, end: 40 },
      { op: 'browser.tls', name: 'tls', start: 20, end: 40 },
      { op: 'browser.request', name: 'https://shop.example/checkout', start: 41, end: 120 },
      { op: 'browser.response', name: 'https://shop.example/checkout', start: 120, end: 130 },
      { op: 'browser.domContentLoadedEvent', name: 'domContentLoadedEvent', start: 300, end: 302 },
    ]);
  });

  it('adds a redirect span when there was one, and skips TLS on plain HTTP', () => {
    const phases = getNavigationTimingPhases({
      ...ENTRY,
      redirectStart: 1,
      redirectEnd: 2,
      secureConnectionStart: 0,
      loadEventEnd: 510,
    });
    expect(phases.map((phase) => phase.op)).toEqual([
      'browser.redirect',
      'browser.cache',
      'browser.dns',
      'browser.connect',
      'browser.request',
      'browser.response',
      'browser.domContentLoadedEvent',
      'browser.loadEvent',
    ]);
  });

  it('gives nothing for an entry without numbers', () => {
    expect(getNavigationTimingPhases({ name: 'x', fetchStart: 'soon' })).toEqual([]);
  });
});
