import type { ClientOptions, DsnComponents, Event, ScopeData } from '../types';

/**
 * The dynamic sampling context for an event's envelope `trace` header (protocol.md §2.2, §7.3): the
 * one a span or continued trace left on the scope when there is one, else one built from the
 * propagation context and the options. All values are strings; none without a DSN (it needs the
 * public key).
 */
export function getEventDsc(
  event: Event,
  scopeData: ScopeData,
  options: ClientOptions,
  dsn: DsnComponents | undefined,
): Record<string, string> | undefined {
  const fromSpan = stringRecord(scopeData.sdkProcessingMetadata['dynamicSamplingContext']);
  if (fromSpan) return fromSpan;
  const frozen = stringRecord(scopeData.propagationContext.dsc);
  if (frozen) return frozen;
  if (!dsn) return undefined;

  const { traceId, sampleRand, sampled } = scopeData.propagationContext;
  const eventTraceId = event.contexts?.['trace']?.['trace_id'];
  const dsc: Record<string, string> = {
    trace_id: typeof eventTraceId === 'string' ? eventTraceId : traceId,
    public_key: dsn.publicKey,
    environment: options.environment ?? 'production',
  };
  if (options.release) dsc['release'] = options.release;
  if (dsn.orgId) dsc['org_id'] = dsn.orgId;
  if (typeof sampleRand === 'number' && sampleRand >= 0 && sampleRand < 1)
    dsc['sample_rand'] = sampleRand.toFixed(6);
  if (typeof sampled === 'boolean') dsc['sampled'] = String(sampled);
  return dsc;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Object.entries(value).filter(([key, item]) => typeof item === 'string' && key !== '__proto__');
  return entries.length ? Object.fromEntries(entries) : undefined;
}
