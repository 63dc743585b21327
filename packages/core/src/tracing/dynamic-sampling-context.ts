import { callGuarded } from '../lib';
import { getClient, type Scope } from '../scope';
import type { Client, DsnComponents } from '../types';
import { SEMANTIC_ATTRIBUTE_SENTRY_SOURCE } from './semantic-attributes';
import { isSentrySpan } from './own-spans';
import { _getSpanForScope } from './span-for-scope';
import { getSpanSegment } from './span-segment';
import type { Segment } from './segment';
import { getTracingOptions, hasTracingEnabled } from './tracing-options';
import type { DynamicSamplingContext, Span, TracingOptions } from './types';

interface ReleaseOptions {
  release?: unknown;
  environment?: unknown;
}

/** `sample_rand` as protocol.md §7.4 writes it: six decimals (the value is already truncated). */
export function formatSampleRand(sampleRand: number): string {
  return sampleRand.toFixed(6);
}

/** A DSC `sample_rate` or `sample_rand` as a number in [0, 1]; `undefined` when absent or out of range. */
export function parseDscNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return number >= 0 && number <= 1 ? number : undefined;
}

function readDsn(client: Client | undefined): DsnComponents | undefined {
  return client
    ? callGuarded<DsnComponents | undefined>('client.getDsn', () => client.getDsn(), undefined)
    : undefined;
}

/** The org id from the client's options and DSN (see `getOwnOrgId`). */
function readOrgId(options: TracingOptions, dsn: DsnComponents | undefined): string | undefined {
  const option = options.orgId;
  return (typeof option === 'string' && option) || typeof option === 'number' ? String(option) : dsn?.orgId;
}

/** Our org id: the `orgId` option, else the one in the DSN host (`o4711.ingest…`). */
export function getOwnOrgId(client: Client | undefined): string | undefined {
  return readOrgId(getTracingOptions(client), readDsn(client));
}

/** The DSC fields that come from the client alone (protocol.md §7.3): ids, release and environment. */
export function getDynamicSamplingContextFromClient(
  traceId: string,
  client: Client | undefined,
): DynamicSamplingContext {
  const dsc: DynamicSamplingContext = { trace_id: traceId };
  if (!client) return dsc;
  const options = getTracingOptions(client);
  const { release, environment } = options as ReleaseOptions;
  const dsn = readDsn(client);
  if (dsn?.publicKey) dsc.public_key = dsn.publicKey;
  dsc.environment = typeof environment === 'string' && environment ? environment : 'production';
  if (typeof release === 'string' && release) dsc.release = release;
  const orgId = readOrgId(options, dsn);
  if (orgId) dsc.org_id = orgId;
  return dsc;
}

/**
 * The DSC of the span's trace: the frozen one when it has left the SDK or was continued, else
 * built from the client and the root span (the transaction name only when its source is not `url`).
 */
export function getDynamicSamplingContextFromSpan(span: Span): DynamicSamplingContext {
  return getSpanDsc(span, false);
}

function getSpanDsc(span: Span, freeze: boolean): DynamicSamplingContext {
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

/**
 * The DSC for events of `scope`: the active span's trace when a span is active, else the
 * propagation context's (frozen incoming DSC, or one built from the client).
 */
export function getDynamicSamplingContextFromScope(
  client: Client | undefined,
  scope: Scope,
): DynamicSamplingContext {
  const span = _getSpanForScope(scope);
  if (span) return getDynamicSamplingContextFromSpan(span);
  const context = scope.getPropagationContext();
  return context.dsc ? { ...context.dsc } : buildDsc(context.traceId, client, context.sampleRand);
}

/**
 * The DSC that leaves the SDK now (outgoing baggage, an envelope `trace` header), frozen so that
 * later renames or `setUser` calls never change it for the rest of the trace (protocol.md §7.3).
 */
export function freezeDynamicSamplingContext(
  client: Client | undefined,
  scope: Scope,
): DynamicSamplingContext {
  const span = _getSpanForScope(scope);
  if (span) return freezeDynamicSamplingContextOfSpan(span);
  const context = scope.getPropagationContext();
  const dsc = context.dsc ?? Object.freeze(buildDsc(context.traceId, client, context.sampleRand));
  if (!context.dsc) scope.setPropagationContext({ ...context, dsc });
  return { ...dsc };
}

/** Freezes the DSC of the span's trace (see `freezeDynamicSamplingContext`) and returns it. */
export function freezeDynamicSamplingContextOfSpan(span: Span): DynamicSamplingContext {
  return getSpanDsc(span, true);
}

/** The client's fields plus the trace's `sample_rand`: the DSC of a trace without a decision yet. */
function buildDsc(traceId: string, client: Client | undefined, sampleRand: number): DynamicSamplingContext {
  const dsc = getDynamicSamplingContextFromClient(traceId, client);
  dsc.sample_rand = formatSampleRand(sampleRand);
  return dsc;
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
