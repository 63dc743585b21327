import { DEBUG_BUILD, debug, generateSpanId } from '../lib';
import { createPropagationContext, getClient, truncateSampleRand, withScope } from '../scope';
import type { Client, PropagationContext } from '../types';
import { baggageHeaderToDynamicSamplingContext } from './baggage';
import { formatSampleRand, getOwnOrgId, parseDscNumber } from './dynamic-sampling-context';
import { parseSentryTraceHeader, parseTraceparentHeader } from './sentry-trace-header';
import { _setSpanForScope } from './span-for-scope';
import { getTracingOptions } from './tracing-options';
import { readTraceHeaders, type TraceHeadersInput } from './read-trace-headers';
import type { DynamicSamplingContext } from './types';

/**
 * Runs `callback` in a new scope that continues the trace of an incoming request (protocol.md
 * §7.5): its propagation context takes the trace id, parent span id, decision, `sample_rand` and
 * frozen DSC from the headers. It starts no span; root spans started inside join the trace.
 * Accepts `{ sentryTrace, baggage }`, a headers object (any key case, string or string[] values,
 * or a fetch `Headers`), or a WSGI-like environ map (`HTTP_SENTRY_TRACE`, `HTTP_BAGGAGE`).
 * @example continueTrace(request.headers, () => startSpan({ name: 'GET /users', op: 'http.server' }, handle));
 */
export function continueTrace<T>(input: TraceHeadersInput, callback: () => T): T {
  if (typeof callback !== 'function') {
    DEBUG_BUILD && debug.warn('continueTrace: the callback must be a function; nothing was run');
    return undefined as T;
  }
  return withScope((scope) => {
    const { sentryTrace, baggage, traceparent } = readTraceHeaders(input);
    scope.setPropagationContext(
      propagationContextFromHeaders(sentryTrace, baggage, getClient(), traceparent),
    );
    _setSpanForScope(scope, undefined);
    return callback();
  });
}

/** A new trace's propagation context, with the random span id that stands for "here" in outgoing headers. */
export function createNewPropagationContext(): PropagationContext {
  return { ...createPropagationContext(), propagationSpanId: generateSpanId() };
}

/**
 * The propagation context an incoming `sentry-trace`/`baggage` pair asks for, or a new trace when
 * there is no usable trace id or the org check fails. `traceparent` is used only without `sentry-trace`.
 */
export function propagationContextFromHeaders(
  sentryTrace: unknown,
  baggage: unknown,
  client: Client | undefined = getClient(),
  traceparent?: unknown,
): PropagationContext {
  const parsed =
    sentryTrace !== undefined && sentryTrace !== null
      ? parseSentryTraceHeader(sentryTrace)
      : parseTraceparentHeader(traceparent);
  if (!parsed?.traceId) return createNewPropagationContext();
  const incoming = baggageHeaderToDynamicSamplingContext(baggage);
  if (!shouldContinueTrace(client, incoming?.org_id)) return createNewPropagationContext();

  const sampleRand = getIncomingSampleRand(parsed.parentSampled, incoming);
  // an upstream SDK that sends no sentry-* baggage gets a frozen empty DSC: we add nothing (§7.3)
  const dsc: DynamicSamplingContext = { ...incoming };
  if (incoming && readSampleRand(incoming) === undefined) dsc.sample_rand = formatSampleRand(sampleRand);
  const context: PropagationContext = {
    traceId: parsed.traceId,
    propagationSpanId: generateSpanId(),
    sampleRand,
    dsc: Object.freeze(dsc),
  };
  if (parsed.parentSpanId) context.parentSpanId = parsed.parentSpanId;
  if (parsed.parentSampled !== undefined) context.sampled = parsed.parentSampled;
  return context;
}

/** The org check of protocol.md §7.5; false means "start a new trace". */
function shouldContinueTrace(client: Client | undefined, incomingOrgId: string | undefined): boolean {
  const ownOrgId = getOwnOrgId(client);
  if (ownOrgId && incomingOrgId && ownOrgId !== incomingOrgId) {
    DEBUG_BUILD &&
      debug.log(`not continuing the trace: its org id ${incomingOrgId} is not ours (${ownOrgId})`);
    return false;
  }
  const strict = getTracingOptions(client).strictTraceContinuation === true;
  if (strict && Boolean(ownOrgId) !== Boolean(incomingOrgId)) {
    DEBUG_BUILD &&
      debug.log('not continuing the trace: strictTraceContinuation and only one side knows its org id');
    return false;
  }
  return true;
}

/** The incoming `sample_rand` when it is valid: a number in [0, 1) (§7.4). */
function readSampleRand(dsc: DynamicSamplingContext | undefined): number | undefined {
  const sampleRand = parseDscNumber(dsc?.sample_rand);
  return sampleRand !== undefined && sampleRand < 1 ? sampleRand : undefined;
}

/** Reuses the incoming `sample_rand`, else draws one that agrees with the incoming decision and rate (§7.4). */
function getIncomingSampleRand(
  sampled: boolean | undefined,
  dsc: DynamicSamplingContext | undefined,
): number {
  const incoming = readSampleRand(dsc);
  if (incoming !== undefined) return truncateSampleRand(incoming);
  const rate = parseDscNumber(dsc?.sample_rate);
  if (sampled !== undefined && rate !== undefined) {
    return truncateSampleRand(sampled ? Math.random() * rate : rate + Math.random() * (1 - rate));
  }
  return truncateSampleRand(Math.random());
}
