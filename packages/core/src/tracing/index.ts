export { _setAiPipelineNameForScope, getAiPipelineName, setAiPipelineName } from './ai-pipeline-name';
export { getActiveSpan, getCurrentSpan, startNewTrace, suppressTracing, withActiveSpan } from './active-span';
export {
  baggageHeaderToDynamicSamplingContext,
  dynamicSamplingContextToSentryBaggageHeader,
  MAX_BAGGAGE_LENGTH,
  mergeBaggageHeader,
} from './baggage';
export { continueTrace, propagationContextFromHeaders } from './continue-trace';
export { setMeasurement, setTransactionName, updateCurrentSpan } from './current-span-helpers';
export {
  freezeDynamicSamplingContext,
  getDynamicSamplingContextFromClient,
  getDynamicSamplingContextFromScope,
} from './dynamic-sampling-context';
export { getDynamicSamplingContextFromSpan } from './span-dsc';
export { startIdleSpan, type IdleSpanOptions } from './idle-span';
export { NonRecordingSpan } from './non-recording-span';
export type { TraceHeadersInput } from './read-trace-headers';
export {
  SEMANTIC_ATTRIBUTE_SENTRY_OP,
  SEMANTIC_ATTRIBUTE_SENTRY_ORIGIN,
  SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE,
  SEMANTIC_ATTRIBUTE_SENTRY_SOURCE,
} from './semantic-attributes';
export { SentrySpan, type SentrySpanOptions } from './sentry-span';
export {
  generateSentryTraceHeader,
  generateTraceparentHeader,
  parseSentryTraceHeader,
  parseTraceparentHeader,
  spanToTraceHeader,
  spanToTraceparentHeader,
  type TraceparentData,
} from './sentry-trace-header';
export { shouldPropagateTraceForUrl } from './should-propagate-trace';
export { _copySpanForScope, _getSpanForScope, _setSpanForScope, isTracingSuppressed } from './span-for-scope';
export type { SpanHooks } from './span-hooks';
export { getRootSpan, spanIsSampled } from './span-segment';
export { getSpanStatusFromHttpCode, setHttpStatus } from './span-status';
export { spanToJSON, spanToTraceContext } from './span-to-json';
export { startInactiveSpan, startSpan, startSpanManual } from './start-span';
export { startTransaction } from './start-transaction';
export { trace, type TraceOptions } from './trace';
export { getBaggage, getTraceContextFromScope, getTraceData, getTraceMetaTags, getTraceparent } from './trace-data';
export { hasTracingEnabled } from './tracing-options';
export type {
  DynamicSamplingContext,
  SamplingContext,
  Span,
  SpanAttributes,
  SpanAttributeValue,
  SpanContextData,
  SpanJSON,
  SpanStatus,
  SpanStatusObject,
  SpanTimeInput,
  StartSpanOptions,
  TraceData,
  TracingOptions,
  TransactionContext,
} from './types';
