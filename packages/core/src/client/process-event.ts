import { createEventEnvelope, type EventEnvelopeOptions } from '../envelope';
import { normalizeEvent } from '../event';
import { debug, DEBUG_BUILD, readProperty } from '../lib';
import type { Client, DiscardReason, Event, EventHint, Integration, ScopeData } from '../types';
import { applyBeforeSend, spanCount } from './apply-before-send';
import { getEventDsc } from './get-event-dsc';
import { prepareEvent } from './prepare-event';
import { runEventProcessors, type NamedProcessor } from './run-event-processors';
import { validAttachments } from './valid-attachments';
import { isEventThrottled } from '../throttle';

/** What kind of event a capture makes; known before the event is built. */
export type EventKind = 'error' | 'transaction' | 'feedback';

/** One capture, as the client hands it to the pipeline. */
export interface PipelineInput {
  kind: EventKind;
  /** Builds the event; called only when the event survives sampling. */
  build: () => Event | PromiseLike<Event>;
  /** The hint, with `event_id` fixed. */
  hint: EventHint & { event_id: string };
  /** The scopes' data merged global → isolation → current, snapshotted when the capture was made. */
  scopeData: ScopeData;
  /** The integrations installed on the client by name, in installation order. */
  integrations: ReadonlyMap<string, Integration>;
  /** `contexts.trace` for an error event, read at capture time. */
  traceContext?: Record<string, unknown>;
  /** The envelope's `trace` header, read at capture time. */
  dsc?: Record<string, string> | undefined;
}

/**
 * The event pipeline (protocol.md §5, issue 3): sample → build → apply scopes → integrations'
 * `preprocessEvent` → event processors (scopes', then integrations' `processEvent`) → normalize →
 * `beforeSend*` → send. Every drop is recorded by reason for client reports (§4); any error of the
 * SDK itself is recorded as `internal_sdk_error` and never escapes.
 */
export async function processEvent(client: Client, input: PipelineInput): Promise<void> {
  const { kind, hint, scopeData, integrations } = input;
  const options = client.getOptions();
  // Sampling comes first: a sampled-out event then costs no building, no processors and no user
  // hooks — which is also what users of the established SDKs expect (their beforeSend never sees
  // events that sampleRate discards). Transactions are sampled by tracing; feedback never is.
  if (kind === 'error' && isSampledOut(options.sampleRate)) {
    DEBUG_BUILD &&
      debug.log(`Event ${hint.event_id} was discarded by sampleRate (${String(options.sampleRate)}).`);
    client.recordDroppedEvent('sample_rate', 'error');
    return;
  }

  let event: Event | undefined;
  try {
    const built = withTraceContext(await input.build(), input.traceContext);
    event = prepareEvent(built, hint, scopeData, options, [...integrations.keys()]);
    // a flood (an error in a render loop) stops here, before processors and user hooks run
    if (isEventThrottled(client, event)) return recordDrop(client, 'ratelimit_backoff', kind, event);
    for (const [name, integration] of integrations) preprocess(client, name, integration, event, hint);
    client.emit('preprocessEvent', event, hint);

    const spansBefore = spanCount(event);
    const processed = await runEventProcessors(event, hint, processorsOf(client, scopeData, integrations));
    if (!processed) return recordDrop(client, 'event_processor', kind, event);
    recordSpansRemoved(client, 'event_processor', kind, spansBefore - spanCount(processed));

    const normalize = (toNormalize: Event): Event =>
      normalizeEvent(
        toNormalize,
        options.normalizeDepth ?? 3,
        options.normalizeMaxBreadth ?? 1000,
        options.maxValueLength ?? Infinity,
      );
    const normalized = normalize(processed);
    const returned = await applyBeforeSend(normalized, hint, options);
    if (!returned) return recordDrop(client, 'before_send', kind, normalized);
    recordSpansRemoved(client, 'before_send', kind, spanCount(normalized) - spanCount(returned));

    // What a user hook returned is normalized again: it may have added anything.
    const final = returned === normalized ? normalized : normalize(returned);
    if (final.event_id !== hint.event_id) final.event_id = hint.event_id;
    event = final;
    client.emit('beforeSendEvent', final, hint);
    const dsn = client.getDsn();
    // createEventEnvelope leaves out the headers whose values are undefined
    const envelope = createEventEnvelope(final, {
      dsn,
      sdk: options.sdk,
      tunnel: options.tunnel,
      dsc: input.dsc ?? getEventDsc(final, scopeData, options, dsn),
      attachments: validAttachments(hint.attachments),
    } as EventEnvelopeOptions);
    const response = await client.sendEnvelope(envelope);
    client.emit('afterSendEvent', final, response);
  } catch (error) {
    DEBUG_BUILD && debug.error('The event could not be processed (an SDK error):', error);
    recordDrop(client, 'internal_sdk_error', kind, event);
  }
}

/** True when an event should be discarded under `sampleRate` (undefined means 1). */
export function isSampledOut(sampleRate: number | undefined): boolean {
  return typeof sampleRate === 'number' && !(Math.random() < sampleRate);
}

/** Records a dropped event; a transaction also counts its spans plus itself as `span` (protocol.md §4). */
export function recordDrop(client: Client, reason: DiscardReason, kind: EventKind, event?: Event): void {
  // the kinds are named as their data categories
  client.recordDroppedEvent(reason, kind);
  if (kind === 'transaction') client.recordDroppedEvent(reason, 'span', (event ? spanCount(event) : 0) + 1);
}

function recordSpansRemoved(client: Client, reason: DiscardReason, kind: EventKind, removed: number): void {
  if (kind === 'transaction' && removed > 0) client.recordDroppedEvent(reason, 'span', removed);
}

function preprocess(
  client: Client,
  name: string,
  integration: Integration,
  event: Event,
  hint: EventHint,
): void {
  const hook = readProperty(integration, 'preprocessEvent');
  if (typeof hook !== 'function') return;
  try {
    hook.call(integration, event, hint, client);
  } catch (error) {
    DEBUG_BUILD && debug.error(`preprocessEvent of integration "${name}" threw; carrying on:`, error);
  }
}

function processorsOf(
  client: Client,
  scopeData: ScopeData,
  integrations: ReadonlyMap<string, Integration>,
): NamedProcessor[] {
  const processors: NamedProcessor[] = scopeData.eventProcessors.map((processor) => ({
    name: DEBUG_BUILD ? 'An event processor' : '',
    process: processor,
  }));
  for (const [integrationName, integration] of integrations) {
    const processEvent = readProperty(integration, 'processEvent');
    if (typeof processEvent !== 'function') continue;
    processors.push({
      name: DEBUG_BUILD ? `processEvent of integration "${integrationName}"` : '',
      process: (event, hint) => processEvent.call(integration, event, hint, client) as unknown,
    });
  }
  return processors;
}

/** Gives an event the trace context read at capture time, unless it brought its own. */
function withTraceContext(event: Event, traceContext: Record<string, unknown> | undefined): Event {
  // the built event is the pipeline's own (a fresh one, or a copy of what captureEvent was given)
  if (traceContext && !event.contexts?.['trace']) event.contexts = { ...event.contexts, trace: traceContext };
  return event;
}
