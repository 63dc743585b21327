import { getClient } from '../scope';
import { buildDsc, getDynamicSamplingContextFromClient } from './dynamic-sampling-context';
import { isSentrySpan } from './own-spans';
import type { Segment } from './segment';
import { SEMANTIC_ATTRIBUTE_SENTRY_SOURCE } from './semantic-attributes';
import { getSpanSegment } from './span-segment';
import { getTracingOptions, hasTracingEnabled } from './tracing-options';
import type { DynamicSamplingContext, Span } from './types';

// The DSC of a span's trace: apart from the rest of the DSC so that the error path reaches it only
// through the active span's readers (see `ActiveSpanReaders`).

/**
 * The DSC of the span's trace: the frozen one when it has left the SDK or was continued, else
 * built from the client and the root span (the transaction name only when its source is not `url`).
 */
export function getDynamicSamplingContextFromSpan(span: Span): DynamicSamplingContext {
  return getSpanDsc(span, false);
}

/** The DSC of the span's trace, frozen first when `freeze`. */
export function getSpanDsc(span: Span, freeze: boolean): DynamicSamplingContext {
  const segment = getSpanSegment(span);
  if (!segment) {
    let traceId = '';
    try {
      traceId = span.spanContext().traceId;
    } catch {
      // a foreign span whose spanContext throws
    }
    return getDynamicSamplingContextFromClient(traceId, getClient());
  }
  if (freeze) segment.frozenDsc ??= Object.freeze(buildSegmentDsc(segment));
  return segment.frozenDsc ? { ...segment.frozenDsc } : buildSegmentDsc(segment);
}

/** Freezes the DSC of the span's trace (see `freezeDynamicSamplingContext`) and returns it. */
export function freezeDynamicSamplingContextOfSpan(span: Span): DynamicSamplingContext {
  return getSpanDsc(span, true);
}

function buildSegmentDsc(segment: Segment): DynamicSamplingContext {
  const dsc = buildDsc(segment.traceId, segment.client, segment.sampleRand);
  // tracing without performance: no decision, rate or name (protocol.md §7.6)
  if (segment.sampled === undefined || !hasTracingEnabled(getTracingOptions(segment.client))) return dsc;
  if (segment.sampleRate !== undefined) dsc.sample_rate = String(segment.sampleRate);
  dsc.sampled = String(segment.sampled);
  let name = segment.name;
  let source = segment.source;
  if (isSentrySpan(segment.root)) {
    const json = segment.root.getSpanJSON();
    name = json.description ?? '';
    const attribute = json.data[SEMANTIC_ATTRIBUTE_SENTRY_SOURCE];
    source = typeof attribute === 'string' ? attribute : undefined;
  }
  if (name && source !== 'url') dsc.transaction = name;
  return dsc;
}
