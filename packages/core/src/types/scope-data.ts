import type { Attachment } from './attachment';
import type { Breadcrumb } from './breadcrumb';
import type { Contexts, TransactionSource } from './event';
import type { EventProcessor } from './event-processor';
import type { SeverityLevel } from './severity';
import type { User } from './user';

/** Trace identity kept on a scope when no span is active, so errors still join a trace (protocol.md §7). */
export interface PropagationContext {
  traceId: string;
  /** A random span id that stands for "this place" in outgoing headers when no span is active. */
  propagationSpanId?: string;
  parentSpanId?: string;
  sampled?: boolean;
  /** Float in [0, 1): the trace's random draw that every service samples against (§7.4). */
  sampleRand: number;
  /** Dynamic sampling context, frozen once it has left the SDK (§7.3). */
  dsc?: Record<string, string>;
}

/** Everything a scope holds, as plain data: what merging and applying work on. */
export interface ScopeData {
  user: User;
  tags: Record<string, string>;
  extra: Record<string, unknown>;
  contexts: Contexts;
  level: SeverityLevel | undefined;
  fingerprint: string[];
  breadcrumbs: Breadcrumb[];
  attachments: Attachment[];
  eventProcessors: EventProcessor[];
  transactionName: string | undefined;
  transactionSource: TransactionSource | undefined;
  propagationContext: PropagationContext;
  /** Internal values integrations keep on a scope (e.g. the incoming request). Never sent as such. */
  sdkProcessingMetadata: Record<string, unknown>;
}

/** Values accepted where a scope can be updated from plain data (`captureException(e, { tags })`). */
export interface ScopeContext {
  user?: User;
  level?: SeverityLevel;
  extra?: Record<string, unknown>;
  contexts?: Contexts;
  tags?: Record<string, string | number | boolean | bigint | null | undefined>;
  fingerprint?: string[];
  /** The trace of events captured with this data (needs `traceId` and `sampleRand`). */
  propagationContext?: PropagationContext;
}
