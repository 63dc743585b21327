import { callGuarded, readProperty } from '../../lib';
import {
  getAiPipelineName,
  getRootSpan,
  NonRecordingSpan,
  startInactiveSpan,
  startSpanManual,
  type Span,
  type SpanTimeInput,
  type StartSpanOptions,
} from '../../tracing';
import { captureAiError } from '../capture-ai-error';
import { resolveContentRecording, type AiRecordingOptions } from '../recording-options';
import { createVercelAiAttributeConverter, type VercelAiAttributeConverter } from './vercel-ai-attributes';
import { getVercelAiSpanKind } from './vercel-ai-span-kind';

/** The origin of spans made from the `ai` package's telemetry, and the mechanism of its errors. */
export const VERCEL_AI_ORIGIN = 'auto.ai.vercelai';

/** The part of OpenTelemetry's `Span` the `ai` package calls. */
export interface VercelAiSpan {
  spanContext: () => { traceId: string; spanId: string; traceFlags: number };
  setAttribute: (key: string, value: unknown) => VercelAiSpan;
  setAttributes: (attributes: Record<string, unknown>) => VercelAiSpan;
  addEvent: (name: string, attributes?: unknown) => VercelAiSpan;
  addLink: () => VercelAiSpan;
  addLinks: () => VercelAiSpan;
  setStatus: (status: { code: number; message?: string }) => VercelAiSpan;
  updateName: (name: string) => VercelAiSpan;
  end: (endTime?: unknown) => void;
  isRecording: () => boolean;
  recordException: (exception: unknown) => void;
}

/** The part of OpenTelemetry's `Tracer` the `ai` package calls (`experimental_telemetry.tracer`). */
export interface VercelAiTracer {
  startSpan: (name: string, options?: unknown) => VercelAiSpan;
  startActiveSpan: (name: string, ...rest: unknown[]) => unknown;
}

const NOTHING = { inputs: false, outputs: false };

// OpenTelemetry's SpanStatusCode.OK and .ERROR
const STATUS_OK = 1;
const STATUS_ERROR = 2;

// Errors already captured per local tree: `ai` records one failure on each span it bubbles through.
const capturedKeys = new WeakMap<Span, Set<string>>();

function toError(exception: unknown): Error {
  if (exception instanceof Error) return exception;
  const message = readProperty(exception, 'message');
  const error = new Error(typeof message === 'string' ? message : String(exception));
  const name = readProperty(exception, 'name');
  const stack = readProperty(exception, 'stack');
  if (typeof name === 'string') error.name = name;
  if (typeof stack === 'string') error.stack = stack;
  return error;
}

function recordException(span: Span, exception: unknown): void {
  const error = toError(exception);
  const root = getRootSpan(span);
  const key = `${error.name}: ${error.message}\n${error.stack ?? ''}`;
  const seen = capturedKeys.get(root) ?? new Set<string>();
  capturedKeys.set(root, seen);
  if (seen.has(key)) return;
  seen.add(key);
  captureAiError(span, error, VERCEL_AI_ORIGIN);
}

/** OpenTelemetry time inputs: epoch milliseconds, `Date`, or `[seconds, nanoseconds]`. */
function toTime(time: unknown): SpanTimeInput | undefined {
  if (typeof time === 'number' || time instanceof Date) return time;
  if (Array.isArray(time) && typeof time[0] === 'number' && typeof time[1] === 'number')
    return time[0] + time[1] / 1e9;
  return undefined;
}

function adapt(span: Span, converter: VercelAiAttributeConverter): VercelAiSpan {
  const apply = (attributes: unknown): void => {
    callGuarded(
      'ai telemetry attributes',
      () => span.setAttributes(converter.convert(attributes)),
      undefined,
    );
  };
  const adapter: VercelAiSpan = {
    spanContext: () => span.spanContext(),
    setAttribute(key, value) {
      apply({ [key]: value });
      return adapter;
    },
    setAttributes(attributes) {
      apply(attributes);
      return adapter;
    },
    addEvent(_name, attributes) {
      if (attributes && typeof attributes === 'object' && !(attributes instanceof Date)) apply(attributes);
      return adapter;
    },
    addLink: () => adapter,
    addLinks: () => adapter,
    setStatus(status) {
      const code = readProperty(status, 'code');
      if (code === STATUS_ERROR) span.setStatus('internal_error');
      else if (code === STATUS_OK) span.setStatus('ok');
      return adapter;
    },
    // the span keeps the name given at its start, the one the AI views expect
    updateName: () => adapter,
    end: (endTime) => span.end(toTime(endTime)),
    isRecording: () => span.isRecording(),
    recordException: (exception) =>
      callGuarded('ai telemetry error', () => recordException(span, exception), undefined),
  };
  return adapter;
}

interface PreparedSpan {
  options: StartSpanOptions;
  converter: VercelAiAttributeConverter;
}

function prepare(name: unknown, spanOptions: unknown, recordingOptions: AiRecordingOptions): PreparedSpan {
  const aiName = typeof name === 'string' ? name : 'ai';
  const kind = getVercelAiSpanKind(aiName);
  const converter = createVercelAiAttributeConverter(kind, resolveContentRecording(recordingOptions));
  const attributes = converter.convert(readProperty(spanOptions, 'attributes'));
  attributes['sentry.origin'] = VERCEL_AI_ORIGIN;
  if (kind.operation !== undefined) attributes['gen_ai.operation.name'] = kind.operation;
  const pipeline = getAiPipelineName();
  if (pipeline !== undefined) attributes['gen_ai.pipeline.name'] = pipeline;
  const subject =
    kind.kind === 'agent'
      ? ((attributes['gen_ai.agent.name'] as string | undefined) ?? aiName.slice(3))
      : converter.subject();
  const spanName =
    kind.operation === undefined ? aiName : subject ? `${kind.operation} ${subject}` : kind.operation;
  return { options: { name: spanName, op: kind.op, attributes }, converter };
}

/**
 * An OpenTelemetry-shaped tracer for the `ai` package's `experimental_telemetry.tracer` that records
 * its spans as this SDK's `gen_ai.*` spans: no OpenTelemetry SDK needed. Prompts and completions
 * pass only when `recordInputs`/`recordOutputs` or `sendDefaultPii` allow it.
 */
export function createVercelAiTracer(recordingOptions: AiRecordingOptions = {}): VercelAiTracer {
  const tracer: VercelAiTracer = {
    startSpan(name, spanOptions) {
      const prepared = callGuarded(
        'ai telemetry span',
        () => prepare(name, spanOptions, recordingOptions),
        undefined,
      );
      return prepared
        ? adapt(startInactiveSpan(prepared.options), prepared.converter)
        : adapt(new NonRecordingSpan(), createVercelAiAttributeConverter(getVercelAiSpanKind(''), NOTHING));
    },
    startActiveSpan(name, ...rest) {
      const fn = rest[rest.length - 1];
      if (typeof fn !== 'function') return undefined;
      const run = fn as (span: VercelAiSpan) => unknown;
      const prepared = callGuarded(
        'ai telemetry span',
        () => prepare(name, rest[0], recordingOptions),
        undefined,
      );
      if (!prepared) return run(tracer.startSpan(name));
      return startSpanManual(prepared.options, (span) => run(adapt(span, prepared.converter)));
    },
  };
  return tracer;
}
