import type { Measurement, TransactionSource } from '../types';
import type { Scope } from '../scope';

/** A span attribute value: a primitive or an array of primitives (protocol.md §6.2). */
export type SpanAttributeValue =
  | string
  | number
  | boolean
  | Array<null | undefined | string>
  | Array<null | undefined | number>
  | Array<null | undefined | boolean>;

/** Span attributes; setting `undefined` removes one. */
export type SpanAttributes = Record<string, SpanAttributeValue | undefined>;

/** The protocol's span status values (protocol.md §6.3). */
export type SpanStatus =
  | 'ok'
  | 'cancelled'
  | 'unknown'
  | 'invalid_argument'
  | 'deadline_exceeded'
  | 'not_found'
  | 'already_exists'
  | 'permission_denied'
  | 'resource_exhausted'
  | 'failed_precondition'
  | 'aborted'
  | 'out_of_range'
  | 'unimplemented'
  | 'internal_error'
  | 'unavailable'
  | 'data_loss'
  | 'unauthenticated';

/**
 * A status in the form of the established JavaScript SDKs (`span.setStatus({ code: 2, message:
 * 'not_found' })`): `code` 0 (unset) or 1 is `ok`; 2 is an error, named by `message` (a `SpanStatus`)
 * or else `internal_error`.
 */
export interface SpanStatusObject {
  code: 0 | 1 | 2;
  message?: string;
}

/**
 * A point in time for `startTime` and `end()`: a `Date`, or a number of epoch seconds. Numbers of
 * 10^10 or more are read as epoch milliseconds (`Date.now()`), so both habits work until 2286.
 */
export type SpanTimeInput = number | Date;

/** A span's identity: what outgoing headers carry. `traceFlags` is 1 when sampled, else 0. */
export interface SpanContextData {
  traceId: string;
  spanId: string;
  traceFlags: number;
}

/** A unit of work in a trace. Spans that are not sampled accept every call and record nothing. */
export interface Span {
  spanContext(): SpanContextData;
  /** Sets one attribute; `undefined` removes it. Values other than primitives or arrays of them are ignored. */
  setAttribute(key: string, value: SpanAttributeValue | undefined): this;
  setAttributes(attributes: SpanAttributes): this;
  setStatus(status: SpanStatus | SpanStatusObject): this;
  updateName(name: string): this;
  /** Ends the span (now, or at `endTimestamp`); later calls do nothing. */
  end(endTimestamp?: SpanTimeInput): void;
  /** False for spans that are not sampled or already ended. */
  isRecording(): boolean;
  /** Accepted for code written for the established SDKs; links are not sent. */
  addLink(link: { context: SpanContextData; attributes?: SpanAttributes }): this;
  /** Accepted for code written for the established SDKs; links are not sent. */
  addLinks(links: { context: SpanContextData; attributes?: SpanAttributes }[]): this;
  /** Accepted for code written for the established SDKs; span events are not sent. */
  addEvent(name: string, attributesOrStartTime?: SpanAttributes | SpanTimeInput, startTime?: SpanTimeInput): this;
  /** A no-op, as in the established SDKs: capture errors with `captureException`. */
  recordException(exception: unknown, time?: SpanTimeInput): void;
}

/** A span as the wire carries it: a child of a transaction's `spans` (protocol.md §6.2). */
export interface SpanJSON {
  trace_id: string;
  span_id: string;
  parent_span_id?: string;
  start_timestamp: number;
  timestamp?: number;
  op?: string;
  description?: string;
  status?: SpanStatus;
  origin?: string;
  data: Record<string, SpanAttributeValue>;
  measurements?: Record<string, Measurement>;
}

/** What `startSpan`, `startSpanManual` and `startInactiveSpan` accept. */
export interface StartSpanOptions {
  name: string;
  op?: string;
  attributes?: SpanAttributes;
  /** Defaults to now; see `SpanTimeInput` for the accepted forms. */
  startTime?: SpanTimeInput;
  /** The parent; `null` starts a root span even when a span is active. Default: the active span. */
  parentSpan?: Span | null;
  /** Makes the span the root of a new local tree (its own transaction), continuing the parent's trace. */
  forceTransaction?: boolean;
  /** Starts a span only when there is a parent; otherwise returns a span that records nothing. */
  onlyIfParent?: boolean;
  /** Runs in (a fork of) this scope instead of the current one. */
  scope?: Scope;
}

/** The Python SDK's `start_transaction` arguments. */
export interface TransactionContext {
  name: string;
  op?: string;
  source?: TransactionSource;
  attributes?: SpanAttributes;
  startTime?: SpanTimeInput;
  /** Forces the sampling decision instead of asking `tracesSampler`/`tracesSampleRate`. */
  sampled?: boolean;
}

/** What `tracesSampler` receives (protocol.md §6.7). */
export interface SamplingContext {
  name: string;
  attributes: SpanAttributes;
  /** The incoming or parent decision, if any. */
  parentSampled: boolean | undefined;
  /** The rate the parent applied (from the incoming `sentry-sample_rate`), if known. */
  parentSampleRate: number | undefined;
  /** The parent's rate or decision when there is one, else `fallbackRate`. */
  inheritOrSampleWith: (fallbackRate: number) => number;
  [key: string]: unknown;
}

/** The options tracing reads from the client (they belong in `Options` once the lead adds them). */
export interface TracingOptions {
  /** Share of root spans to sample, 0–1. With `tracesSampler`, neither set = tracing without performance. */
  tracesSampleRate?: number;
  /** Decides per root span: a rate 0–1 or a boolean. Takes precedence over `tracesSampleRate`. */
  tracesSampler?: (samplingContext: SamplingContext) => number | boolean;
  /** URLs to attach `sentry-trace`/`baggage` to (strings: substring; RegExps: the full URL). */
  tracePropagationTargets?: (string | RegExp)[];
  /** Also send the W3C `traceparent` header. Default false. */
  propagateTraceparent?: boolean;
  /** Start a new trace when only one side's org id is known. Default false. */
  strictTraceContinuation?: boolean;
  /** Overrides the org id derived from the DSN host. */
  orgId?: string | number;
  /** Child spans per transaction at most; the earliest-starting are kept. Default 1000. */
  maxSpans?: number;
}

/** Dynamic sampling context (protocol.md §7.3): every value a string. */
export type DynamicSamplingContext = Partial<
  Record<
    | 'trace_id'
    | 'public_key'
    | 'sample_rate'
    | 'sample_rand'
    | 'sampled'
    | 'release'
    | 'environment'
    | 'transaction'
    | 'org_id'
    | 'replay_id',
    string
  >
> &
  Record<string, string>;

/** The headers to put on an outgoing request. */
export interface TraceData {
  'sentry-trace'?: string;
  baggage?: string;
  traceparent?: string;
}
