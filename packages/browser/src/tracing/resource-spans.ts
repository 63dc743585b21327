import type { Span, SpanAttributes } from '@sentry-sdk/core';
import { addTimedSpan, getEntries } from './performance';

/** A `resource.*` span to add, in Performance API times (ms). */
export interface ResourceSpan {
  op: string;
  name: string;
  start: number;
  end: number;
  attributes: SpanAttributes;
}

type ResourceTiming = PerformanceResourceTiming & { renderBlockingStatus?: string; deliveryType?: string };

/** Sizes of 0 mean "not known" for cross-origin resources without Timing-Allow-Origin. */
function size(value: number | undefined): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}

/**
 * The span of one Resource Timing entry (`resource.script`, `resource.link`, `resource.img`,
 * `resource.css`, …) with its sizes and render-blocking status. Requests of `fetch` and XHR are
 * skipped: they have `http.client` spans of their own.
 */
export function getResourceSpan(entry: ResourceTiming, origin: string | undefined): ResourceSpan | undefined {
  const type = entry.initiatorType || 'other';
  if (type === 'fetch' || type === 'xmlhttprequest' || type === 'beacon') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(entry.name, origin);
  } catch {
    // a name that is no URL stays as it is
  }
  const sameOrigin = url !== undefined && url.origin === origin;
  return {
    op: `resource.${type}`,
    name: sameOrigin && url ? url.pathname + url.search : entry.name,
    start: entry.startTime,
    end: entry.responseEnd || entry.startTime + entry.duration,
    attributes: {
      'http.response_transfer_size': size(entry.transferSize),
      'http.response_content_length': size(entry.encodedBodySize),
      'http.decoded_response_content_length': size(entry.decodedBodySize),
      'resource.render_blocking_status': entry.renderBlockingStatus,
      'network.protocol.name': entry.nextHopProtocol || undefined,
      'server.address': url?.host,
      'url.same_origin': sameOrigin,
    },
  };
}

/** Adds `resource.*` spans for the resources that started loading at or after `sinceMs`. */
export function addResourceSpans(parent: Span, sinceMs: number): void {
  const origin = (globalThis as { location?: Location }).location?.origin;
  for (const entry of getEntries<ResourceTiming>('resource')) {
    if (entry.startTime < sinceMs) continue;
    const span = getResourceSpan(entry, origin);
    if (span) addTimedSpan(parent, span.op, span.name, span.start, span.end, span.attributes);
  }
}
