import {
  continueTrace,
  getActiveSpan,
  getCurrentScope,
  getTraceData,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  SEMANTIC_ATTRIBUTE_SENTRY_SOURCE,
  startInactiveSpan,
  startSpanManual,
  withActiveSpan,
  withIsolationScope,
  withScope,
  type Span,
  type SpanAttributes,
} from '@sentry-sdk/core';
import {
  getDefaultCurrentScope,
  getDefaultIsolationScope,
  isTracingSuppressed,
} from '@sentry-sdk/core/internal';

/** What a queue instrumentation records, from its integration's options. */
export interface QueueRecordingOptions {
  /** `queue.publish` spans for messages sent while a span is active, `queue.process` transactions for messages received. */
  spans: boolean;
  /** Add `sentry-trace` and `baggage` to the messages sent, and continue the trace they carry when they are received. */
  propagateTraces: boolean;
}

/** A message as a span describes it. */
export interface QueueMessage {
  /** The span's name: the queue, exchange or job name. */
  name: string;
  origin: string;
  attributes: SpanAttributes;
}

/** The trace headers a message carries. */
export interface MessageTraceHeaders {
  'sentry-trace'?: string;
  baggage?: string;
  traceparent?: string;
}

/** Starts a `queue.publish` span under the active span (none without one, or inside `suppressTracing`). */
export function startPublishSpan(options: QueueRecordingOptions, message: QueueMessage): Span | undefined {
  if (!options.spans || isTracingSuppressed(getCurrentScope()) || !getActiveSpan()) return undefined;
  return startInactiveSpan({
    name: message.name,
    op: 'queue.publish',
    onlyIfParent: true,
    attributes: { ...message.attributes, [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: message.origin },
  });
}

/** The headers that continue the current trace (with `span` as the parent) in the consumer; none when propagation is off. */
export function getMessageTraceHeaders(
  options: QueueRecordingOptions,
  span: Span | undefined,
): MessageTraceHeaders {
  if (!options.propagateTraces || isTracingSuppressed(getCurrentScope())) return {};
  const data = span ? withActiveSpan(span, () => getTraceData()) : getTraceData();
  const headers: MessageTraceHeaders = {};
  if (data['sentry-trace']) headers['sentry-trace'] = data['sentry-trace'];
  if (data.baggage) headers.baggage = data.baggage;
  if (data.traceparent) headers.traceparent = data.traceparent;
  return headers;
}

/**
 * Runs a consumer's handling of one message in an isolation scope of its own (forked from the
 * process's, never from whichever request's context the connection happens to carry), continuing
 * the trace of the message's headers, as a `queue.process` transaction named after the queue or
 * job (source `task`) when spans are on. `callback` gets the span (or undefined) and ends it.
 */
export function processMessage<T>(
  options: QueueRecordingOptions,
  message: QueueMessage,
  headers: MessageTraceHeaders | undefined,
  callback: (span: Span | undefined) => T,
): T {
  return withIsolationScope(getDefaultIsolationScope().clone(), (isolationScope) =>
    withScope(getDefaultCurrentScope().clone(), () =>
      continueTrace(options.propagateTraces && headers ? headers : {}, () => {
        isolationScope.setTransactionName(message.name, 'task');
        if (!options.spans) return callback(undefined);
        return startSpanManual(
          {
            name: message.name,
            op: 'queue.process',
            attributes: {
              ...message.attributes,
              [SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN]: message.origin,
              [SEMANTIC_ATTRIBUTE_SENTRY_SOURCE]: 'task',
            },
          },
          (span) => callback(span),
        );
      }),
    ),
  );
}

/** Reads a trace header from message headers whose values may be strings or buffers (AMQP). */
export function readTraceHeaders(headers: unknown): MessageTraceHeaders | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  const read = (key: string): string | undefined => {
    const value = (headers as Record<string, unknown>)[key];
    if (typeof value === 'string') return value;
    return value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : undefined;
  };
  const result: MessageTraceHeaders = {};
  const sentryTrace = read('sentry-trace');
  const baggage = read('baggage');
  const traceparent = read('traceparent');
  if (sentryTrace) result['sentry-trace'] = sentryTrace;
  if (baggage) result.baggage = baggage;
  if (traceparent) result.traceparent = traceparent;
  return result;
}
