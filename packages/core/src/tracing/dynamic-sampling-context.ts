import { callGuarded } from '../lib';
import type { Scope } from '../scope';
import type { Client, DsnComponents } from '../types';
import { _getSpanForScope, activeSpanReaders } from './active-span-slot';
import { getTracingOptions } from './tracing-options';
import type { DynamicSamplingContext, TracingOptions } from './types';

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

function readDsn(client: Client): DsnComponents | undefined {
  return callGuarded<DsnComponents | undefined>('client.getDsn', () => client.getDsn(), undefined);
}

/** The org id from the client's options and DSN (see `getOwnOrgId`). */
function readOrgId(options: TracingOptions, dsn: DsnComponents | undefined): string | undefined {
  const option = options.orgId;
  return (typeof option === 'string' && option) || typeof option === 'number' ? String(option) : dsn?.orgId;
}

/** Our org id: the `orgId` option, else the one in the DSN host (`o4711.ingest…`). */
export function getOwnOrgId(client: Client | undefined): string | undefined {
  return client && readOrgId(getTracingOptions(client), readDsn(client));
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
 * The DSC for events of `scope`: the active span's trace when a span is active, else the
 * propagation context's (frozen incoming DSC, or one built from the client).
 */
export function getDynamicSamplingContextFromScope(
  client: Client | undefined,
  scope: Scope,
): DynamicSamplingContext {
  const span = _getSpanForScope(scope);
  if (span && activeSpanReaders) return activeSpanReaders.dsc(span, false);
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
  if (span && activeSpanReaders) return activeSpanReaders.dsc(span, true);
  const context = scope.getPropagationContext();
  const dsc = context.dsc ?? Object.freeze(buildDsc(context.traceId, client, context.sampleRand));
  if (!context.dsc) scope.setPropagationContext({ ...context, dsc });
  return { ...dsc };
}

/** The client's fields plus the trace's `sample_rand`: the DSC of a trace without a decision yet. */
export function buildDsc(traceId: string, client: Client | undefined, sampleRand: number): DynamicSamplingContext {
  const dsc = getDynamicSamplingContextFromClient(traceId, client);
  dsc.sample_rand = formatSampleRand(sampleRand);
  return dsc;
}
