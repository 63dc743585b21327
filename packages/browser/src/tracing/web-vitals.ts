import { SentrySpan, type Span } from '@sentry-sdk/core';
import { onCLS, onFCP, onLCP, onTTFB, type Metric } from 'web-vitals';
import { getElementSelector } from '../integrations';
import { getNavigationEntry } from './navigation-timing';
import { getEntries } from './performance';

type LcpEntry = PerformanceEntry & { element?: Element | null; url?: string; size?: number };
type LayoutShiftEntry = PerformanceEntry & { value: number; sources?: { node?: Node | null }[] };

function setMeasurement(span: Span, name: string, value: number | undefined, unit = 'millisecond'): void {
  if (span instanceof SentrySpan && typeof value === 'number' && value >= 0)
    span.setMeasurement(name, value, unit);
}

/** The largest contentful paint's element, URL (images) and size, as attributes of the page load. */
function addLcpAttribution(span: Span, metric: Metric): void {
  const entry = metric.entries[metric.entries.length - 1] as LcpEntry | undefined;
  if (!entry) return;
  if (entry.element) span.setAttribute('lcp.element', getElementSelector(entry.element));
  if (entry.url) span.setAttribute('lcp.url', entry.url);
  if (entry.size) span.setAttribute('lcp.size', entry.size);
}

/** The elements that moved in the largest layout shift, as `cls.source.1`, `cls.source.2`, … */
function addClsAttribution(span: Span, metric: Metric): void {
  let largest: LayoutShiftEntry | undefined;
  for (const entry of metric.entries as LayoutShiftEntry[])
    if (!largest || entry.value > largest.value) largest = entry;
  largest?.sources?.forEach((source, index) => {
    if (source.node) span.setAttribute(`cls.source.${index + 1}`, getElementSelector(source.node));
  });
}

/**
 * Starts collecting the Core Web Vitals of the page load through the `web-vitals` package (LCP and
 * CLS as they change, FCP and TTFB once). Returns the function that writes what was collected so far
 * onto the page-load span: measurements `lcp`, `fcp`, `fp`, `ttfb`, `ttfb.requestTime` (ms) and
 * `cls` (no unit), with the LCP element and CLS sources as attributes (protocol.md §6.6).
 */
export function startWebVitals(): (pageload: Span) => void {
  const latest: Partial<Record<Metric['name'], Metric>> = {};
  const keep = (metric: Metric): void => {
    latest[metric.name] = metric;
  };
  try {
    onLCP(keep, { reportAllChanges: true });
    onCLS(keep, { reportAllChanges: true });
    onFCP(keep);
    onTTFB(keep);
  } catch {
    // a page without the APIs web-vitals needs: no vitals
  }

  return (span) => {
    const { LCP: lcp, CLS: cls, FCP: fcp, TTFB: ttfb } = latest;
    setMeasurement(span, 'fcp', fcp?.value);
    setMeasurement(span, 'fp', getEntries('paint').find((entry) => entry.name === 'first-paint')?.startTime);
    setMeasurement(span, 'ttfb', ttfb?.value);
    const navigation = getNavigationEntry();
    if (navigation && navigation.responseStart >= navigation.requestStart) {
      setMeasurement(span, 'ttfb.requestTime', navigation.responseStart - navigation.requestStart);
    }
    if (lcp) {
      setMeasurement(span, 'lcp', lcp.value);
      addLcpAttribution(span, lcp);
    }
    if (cls) {
      setMeasurement(span, 'cls', cls.value, '');
      addClsAttribution(span, cls);
    }
  };
}
