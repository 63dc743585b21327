import { callGuarded, DEBUG_BUILD, debug } from '../lib';
import { withIsolationScope } from '../scope';
import type { Event, TransactionSource } from '../types';
import { freezeDynamicSamplingContextOfSpan } from './span-dsc';
import { SEMANTIC_ATTRIBUTE_SENTRY_SOURCE } from './semantic-attributes';
import { SentrySpan } from './sentry-span';
import { spanToTraceContext } from './span-to-json';
import { DEFAULT_MAX_SPANS, getTracingOptions } from './tracing-options';
import type { Span, SpanJSON } from './types';

const SOURCES: readonly string[] = ['custom', 'url', 'route', 'view', 'component', 'task'];

function getMaxSpans(value: unknown): number {
  return typeof value === 'number' && value >= 0 ? Math.floor(value) : DEFAULT_MAX_SPANS;
}

/**
 * Sends the transaction of a root span that just ended (protocol.md §6.1): one `transaction`
 * event with the child spans that ended before it, at most `maxSpans` of them (the
 * earliest-starting; the rest are counted as dropped `span`s). The DSC goes in `hint.data.dsc`.
 */
export function captureTransaction(root: Span): void {
  if (!(root instanceof SentrySpan)) return;
  const segment = root._getSegment();
  const client = segment.client;
  const finished = segment.finished;
  segment.finished = [];
  if (!client) return;

  let spans: SpanJSON[] = finished.map((span) => (span as SentrySpan).getSpanJSON());
  spans.sort((a, b) => a.start_timestamp - b.start_timestamp);
  const maxSpans = getMaxSpans(getTracingOptions(client).maxSpans);
  if (spans.length > maxSpans) {
    const dropped = spans.length - maxSpans;
    spans = spans.slice(0, maxSpans);
    DEBUG_BUILD &&
      debug.log(`transaction has more than ${maxSpans} child spans (maxSpans); ${dropped} dropped`);
    callGuarded(
      'client.recordDroppedEvent',
      () => client.recordDroppedEvent('buffer_overflow', 'span', dropped),
      undefined,
    );
  }

  const json = root.getSpanJSON();
  const source = json.data[SEMANTIC_ATTRIBUTE_SENTRY_SOURCE];
  const event: Event = {
    type: 'transaction',
    transaction: json.description || '<unlabeled transaction>',
    transaction_info: {
      source:
        typeof source === 'string' && SOURCES.includes(source) ? (source as TransactionSource) : 'custom',
    },
    start_timestamp: json.start_timestamp,
    timestamp: json.timestamp ?? json.start_timestamp,
    contexts: { trace: spanToTraceContext(root) },
    spans: spans as unknown as Record<string, unknown>[],
  };
  if (json.measurements && Object.keys(json.measurements).length > 0) event.measurements = json.measurements;

  const dsc = freezeDynamicSamplingContextOfSpan(root);
  const send = (): string => client.captureEvent(event, { data: { dsc } }, segment.scope);
  // the scopes of the request the root started in, wherever it ends (a timer, another request)
  const isolationScope = segment.isolationScope;
  callGuarded(
    'client.captureEvent',
    () => (isolationScope ? withIsolationScope(isolationScope, send) : send()),
    '',
  );
}
