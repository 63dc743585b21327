import { DEFAULT_MAX_BREADCRUMBS, generateSpanId } from '../lib';
import type { Breadcrumb, Contexts, Event, ScopeData } from '../types';

/**
 * Writes merged scope data onto an event (the pipeline's "apply scopes" step, protocol.md §5):
 * - tags, extra, user and contexts: merged by key, the event's own values winning;
 * - level: the scope's, when set, overrides the event's (`log` is sent as `info`);
 * - fingerprint: the scope's is used only when the event has none of its own;
 * - breadcrumbs: the scope's then the event's, the newest `maxBreadcrumbs` kept, as `{ values }`,
 *   omitted when there are none;
 * - transaction: the scope's name when the event has none and is not a transaction;
 * - `contexts.trace`: from the propagation context when the event has no trace context.
 * Attachments, event processors and sdkProcessingMetadata are for the pipeline, never the event.
 */
export function applyScopeDataToEvent(event: Event, data: ScopeData, maxBreadcrumbs?: number): void {
  const { tags, extra, user, contexts, level, fingerprint, transactionName, propagationContext } = data;
  // field by field (not a loop over key names): this runs for every event and transaction
  if (hasKeys(tags)) event.tags = { ...tags, ...event.tags };
  if (hasKeys(extra)) event.extra = { ...extra, ...event.extra };
  if (hasKeys(user)) event.user = { ...user, ...event.user };
  if (hasKeys(contexts)) event.contexts = { ...copyContexts(contexts), ...event.contexts };

  if (level) event.level = level === 'log' ? 'info' : level;
  if (fingerprint.length && !event.fingerprint?.length) event.fingerprint = fingerprint.slice();
  if (transactionName && !event.transaction && event.type !== 'transaction')
    event.transaction = transactionName;

  applyBreadcrumbs(event, data.breadcrumbs, maxBreadcrumbs);

  if (!event.contexts?.['trace']) {
    const { traceId, propagationSpanId, parentSpanId } = propagationContext;
    event.contexts = {
      ...event.contexts,
      trace: {
        trace_id: traceId,
        span_id: propagationSpanId ?? generateSpanId(),
        ...(parentSpanId ? { parent_span_id: parentSpanId } : {}),
      },
    };
  }
}

function applyBreadcrumbs(event: Event, scopeBreadcrumbs: Breadcrumb[], maxBreadcrumbs?: number): void {
  const max = toMaxBreadcrumbs(maxBreadcrumbs);
  const own = event.breadcrumbs;
  // `captureEvent` users sometimes pass the bare array the docs once showed
  const ownValues: Breadcrumb[] = Array.isArray(own) ? (own as Breadcrumb[]) : (own?.values ?? []);
  const all = [...scopeBreadcrumbs, ...ownValues];
  const kept = max === 0 ? [] : all.slice(-max);
  if (kept.length) event.breadcrumbs = { values: kept.map(withWireLevel) };
  else delete event.breadcrumbs;
}

/** `maxBreadcrumbs` as a count: a non-negative number rounded down, else the default. */
export function toMaxBreadcrumbs(maxBreadcrumbs: unknown): number {
  return typeof maxBreadcrumbs === 'number' && maxBreadcrumbs >= 0
    ? Math.floor(maxBreadcrumbs)
    : DEFAULT_MAX_BREADCRUMBS;
}

function withWireLevel(breadcrumb: Breadcrumb): Breadcrumb {
  return breadcrumb.level === 'log' ? { ...breadcrumb, level: 'info' } : breadcrumb;
}

/** A copy of contexts one level deep: processors change a context on the event in place, and the scope's own object must not change with it. */
export function copyContexts(contexts: Contexts): Contexts {
  const copy: Contexts = {};
  for (const key of Object.keys(contexts)) copy[key] = { ...contexts[key] };
  return copy;
}

function hasKeys(record: object): boolean {
  return Object.keys(record).length > 0;
}
