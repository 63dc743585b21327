import { freezeDynamicSamplingContext, getTraceContextFromScope } from '../tracing';
import type { Scope } from '../scope';
import type { Client, EventHint } from '../types';
import type { EventKind } from './process-event';

/** The trace an event belongs to, read when it is captured (the active span may end right after). */
export interface CaptureTrace {
  /** `contexts.trace` for error events: the active span's ids, else the propagation context's. */
  traceContext?: Record<string, unknown>;
  /** The envelope `trace` header: frozen now, since it leaves the SDK with this event (protocol.md §7.3). */
  dsc?: Record<string, string> | undefined;
}

/** Transactions bring their DSC in `hint.data.dsc`; errors take the trace of the scope they are captured in. */
export function readTraceOfCapture(client: Client, kind: EventKind, scope: Scope, hint: EventHint): CaptureTrace {
  if (kind === 'transaction') {
    const dsc = hint.data?.['dsc'];
    return dsc && typeof dsc === 'object' ? { dsc: dsc as Record<string, string> } : {};
  }
  return {
    traceContext: getTraceContextFromScope(scope),
    // without a DSN there is no public key: no DSC is frozen
    dsc: client.getDsn() ? freezeDynamicSamplingContext(client, scope) : undefined,
  };
}
