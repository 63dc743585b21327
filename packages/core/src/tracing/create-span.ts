import { callGuarded } from '../lib';
import { getClient, getIsolationScope, truncateSampleRand, type Scope } from '../scope';
import type { Client, DataCategory, DiscardReason } from '../types';
import { captureTransaction } from './capture-transaction';
import { parseDscNumber } from './dynamic-sampling-context';
import { freezeDynamicSamplingContextOfSpan } from './span-dsc';
import { NonRecordingSpan } from './non-recording-span';
import { sampleSpan, type SamplingDecision } from './sample-span';
import { createSegment, type Segment } from './segment';
import {
  SEMANTIC_ATTRIBUTE_SENTRY_OP,
  SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE,
  SEMANTIC_ATTRIBUTE_SENTRY_SOURCE,
} from './semantic-attributes';
import { SentrySpan } from './sentry-span';
import { _getSpanForScope, isTracingSuppressed } from './span-for-scope';
import { emitSpanHook } from './span-hooks';
import { getSpanSampled, getSpanSegment } from './span-segment';
import { getTracingOptions, hasTracingEnabled } from './tracing-options';
import type { DynamicSamplingContext, Span, SpanAttributes, StartSpanOptions } from './types';

/** Options after `readStartSpanOptions`, plus what only `startTransaction` sets. */
export interface CreateSpanOptions extends Omit<StartSpanOptions, 'scope'> {
  /** Forces the decision of a root span (the Python SDK's `start_transaction(sampled=…)`). */
  sampled?: boolean;
}

/** The trace a new root span joins: its parent's (forceTransaction) or the scope's propagation context. */
interface TraceOrigin {
  traceId: string;
  parentSpanId?: string | undefined;
  sampled?: boolean | undefined;
  sampleRand: number;
  dsc?: DynamicSamplingContext | undefined;
}

function record(client: Client | undefined, reason: DiscardReason, category: DataCategory): void {
  if (client)
    callGuarded('client.recordDroppedEvent', () => client.recordDroppedEvent(reason, category), undefined);
}

/**
 * Creates a span in `scope` (without making it active): a child of the parent span's tree, or a
 * root whose sampling is decided here. Spans that are not sampled, suppressed or made while
 * tracing is off are `NonRecordingSpan`s that still carry the right trace for propagation.
 */
export function createSpan(options: CreateSpanOptions, scope: Scope): Span {
  if (isTracingSuppressed(scope)) return new NonRecordingSpan();
  const client = scope.getClient() ?? getClient();
  const parent =
    options.parentSpan === undefined ? _getSpanForScope(scope) : (options.parentSpan ?? undefined);
  if (!parent && options.onlyIfParent) {
    if (hasTracingEnabled(getTracingOptions(client))) record(client, 'no_parent_span', 'span');
    return new NonRecordingSpan(
      segmentWithoutDecision(scope.getPropagationContext(), client, ''),
      undefined,
      scope.getPropagationContext().parentSpanId,
    );
  }
  if (parent && !options.forceTransaction && getSpanSegment(parent)) return createChildSpan(parent, options);
  return createRootSpan(options, scope, client, parent ? fromParent(parent) : scope.getPropagationContext());
}

function createChildSpan(parent: Span, options: CreateSpanOptions): Span {
  const segment = getSpanSegment(parent)!;
  const parentSpanId = parent.spanContext().spanId;
  if (!(parent instanceof SentrySpan)) {
    if (segment.sampled === false) record(segment.client, 'sample_rate', 'span');
    return new NonRecordingSpan(segment, undefined, parentSpanId);
  }
  return startRecordingSpan(options, options.attributes, parentSpanId, segment);
}

/** A recording span in `segment`, announced through the `spanStart` hook. */
function startRecordingSpan(
  options: CreateSpanOptions,
  attributes: SpanAttributes | undefined,
  parentSpanId: string | undefined,
  segment: Segment,
): Span {
  const { name, op, startTime } = options;
  const span = new SentrySpan({ name, op, attributes, startTime, parentSpanId }, segment);
  emitSpanHook(segment.client, 'spanStart', span);
  return span;
}

function createRootSpan(
  options: CreateSpanOptions,
  scope: Scope,
  client: Client | undefined,
  origin: TraceOrigin,
): Span {
  const tracingOptions = getTracingOptions(client);
  if (!client || !hasTracingEnabled(tracingOptions)) {
    return new NonRecordingSpan(
      segmentWithoutDecision(origin, client, options.name),
      undefined,
      origin.parentSpanId,
    );
  }
  // the op as an attribute before sampling: samplers written for the established SDKs read `sentry.op`
  const attributes: SpanAttributes = {
    [SEMANTIC_ATTRIBUTE_SENTRY_SOURCE]: 'custom',
    ...(options.op && { [SEMANTIC_ATTRIBUTE_SENTRY_OP]: options.op }),
    ...options.attributes,
  };
  const parentSampleRate = parseDscNumber(origin.dsc?.['sample_rate']);
  const decision: SamplingDecision =
    options.sampled !== undefined
      ? { sampled: options.sampled, sampleRate: Number(options.sampled) }
      : sampleSpan(
          tracingOptions,
          { name: options.name, attributes, parentSampled: origin.sampled, parentSampleRate },
          origin.sampleRand,
        );
  const source = attributes[SEMANTIC_ATTRIBUTE_SENTRY_SOURCE];
  const segment = createSegment({
    traceId: origin.traceId,
    sampled: decision.sampled,
    sampleRate: decision.sampleRate,
    sampleRand: origin.sampleRand,
    client,
    frozenDsc: continuedDsc(origin.dsc, decision.sampleRate),
    name: options.name,
    source: typeof source === 'string' ? source : undefined,
  });
  if (!decision.sampled) {
    record(client, 'sample_rate', 'transaction');
    record(client, 'sample_rate', 'span');
    return new NonRecordingSpan(segment, undefined, origin.parentSpanId);
  }
  segment.scope = scope;
  segment.isolationScope = getIsolationScope();
  segment.onRootEnd = captureTransaction;
  if (decision.sampleRate !== undefined)
    attributes[SEMANTIC_ATTRIBUTE_SENTRY_SAMPLE_RATE] = decision.sampleRate;
  return startRecordingSpan(options, attributes, origin.parentSpanId, segment);
}

/** A tree for tracing without performance: it keeps the incoming decision and DSC and samples nothing. */
function segmentWithoutDecision(origin: TraceOrigin, client: Client | undefined, name: string): Segment {
  return createSegment({
    traceId: origin.traceId,
    sampled: origin.sampled,
    sampleRand: origin.sampleRand,
    client,
    frozenDsc: origin.dsc,
    name,
  });
}

function fromParent(parent: Span): TraceOrigin {
  const { traceId, spanId } = parent.spanContext();
  const segment = getSpanSegment(parent);
  return {
    traceId,
    parentSpanId: spanId,
    sampled: getSpanSampled(parent),
    sampleRand: segment ? segment.sampleRand : truncateSampleRand(Math.random()),
    // a forced transaction inside a local tree shares (and so freezes) its trace's DSC
    dsc: segment ? freezeDynamicSamplingContextOfSpan(parent) : undefined,
  };
}

/** The incoming DSC frozen as-is, except that `sample_rate` becomes the rate applied here (§7.3). */
function continuedDsc(
  dsc: DynamicSamplingContext | undefined,
  sampleRate: number | undefined,
): DynamicSamplingContext | undefined {
  if (!dsc || Object.keys(dsc).length === 0 || sampleRate === undefined) return dsc;
  return Object.freeze({ ...dsc, sample_rate: String(sampleRate) });
}
