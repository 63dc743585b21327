import { getItemCategory, type Envelope } from '../envelope';
import { eventFromMessage, eventFromUnknownInput } from '../event';
import { callGuarded, copyOwnEntries, debug, DEBUG_BUILD, isPrimitive, readProperty, uuid4 } from '../lib';
import { getCombinedScopeData, getIsolationScope } from '../scope';
import { createClientReportRecorder, type ClientReportRecorder } from '../transport';
import type {
  Client as ClientContract,
  ClientHooks,
  ClientOptions,
  DataCategory,
  DiscardReason,
  DsnComponents,
  Event,
  EventHint,
  Integration,
  SeverityLevel,
  Transport,
  TransportMakeRequestResponse,
} from '../types';
import { createClientTransport, resolveDsn } from './create-client-transport';
import { createHooks } from './create-hooks';
import { normalizeOptions } from './normalize-options';
import type { OptionSpecs } from './option-specs';
import { processEvent, recordDrop, type EventKind } from './process-event';
import { remainingMs, resolveWithin, toDeadline, waitUntilIdle } from './resolve-within';
import { resolveEventId } from './resolve-event-id';
import { pickScope } from './pick-scope';
import { readTraceOfCapture } from './read-trace-of-capture';
import { createScrubber, scrubEnvelope, type Scrubber } from '../scrubbing';
import { addIntegrationTo, setupIntegrations } from './setup-integrations';

/**
 * Sends events to one DSN: checks its options once, installs integrations, runs the event pipeline
 * and hands envelopes to its transport. Runtime packages subclass it (BrowserClient, NodeClient).
 * Without a valid DSN, or with `enabled: false`, it captures nothing; no method ever throws.
 */
export class Client implements ClientContract {
  protected readonly _options: ClientOptions;
  protected readonly _dsn: DsnComponents | undefined;
  protected readonly _transport: Transport | undefined;
  protected readonly _integrations = new Map<string, Integration>();
  private readonly _hooks = createHooks();
  private readonly _pending = new Set<PromiseLike<unknown>>();
  private readonly _recorder: ClientReportRecorder = createClientReportRecorder();
  private readonly _scrubber: Scrubber | undefined;
  private _integrationsSetUp = false;
  private _closed = false;

  /** `optionSpecs` lets a runtime package declare (and type-check) its own options. */
  public constructor(options: ClientOptions, optionSpecs?: OptionSpecs) {
    if (readProperty(options, 'debug') === true) debug.enable();
    this._options = normalizeOptions(options, optionSpecs);
    this._dsn = resolveDsn(this._options.dsn);
    this._scrubber = createScrubber(this._options.scrubbing);
    this._transport =
      this._dsn && this._options.enabled !== false
        ? createClientTransport(this._options, this._dsn, (reason, category, quantity) =>
            this.recordDroppedEvent(reason, category, quantity),
          )
        : undefined;
    if (DEBUG_BUILD && this._options.enabled === false)
      debug.log('enabled is false: the SDK captures nothing.');
  }

  /** The options after checking, with defaults applied. */
  public getOptions(): ClientOptions {
    return this._options;
  }

  /** The parsed DSN; `undefined` when there is none or it is invalid. */
  public getDsn(): DsnComponents | undefined {
    return this._dsn;
  }

  /** The transport; `undefined` when the client is disabled. */
  public getTransport(): Transport | undefined {
    return this._transport;
  }

  /** True while the client sends: it has a DSN and a transport, `enabled` is not false, and it is not closed. */
  public isEnabled(): boolean {
    return this._transport !== undefined && this._options.enabled !== false && !this._closed;
  }

  /** Captures a thrown value; returns the event id at once, the event is processed asynchronously. */
  public captureException(exception: unknown, hint?: EventHint, scope?: unknown): string {
    // Linked errors and extra error data read the thrown value from the hint, whoever captured it.
    const withOriginal = callGuarded<EventHint | undefined>('reading the hint', () => ({ originalException: exception, ...hint }), hint);
    return this._capture('error', withOriginal, scope, undefined, (full) => this.eventFromException(exception, full));
  }

  /** Captures a message (non-primitive values are captured as exceptions); returns the event id. */
  public captureMessage(message: string, level?: SeverityLevel, hint?: EventHint, scope?: unknown): string {
    return this._capture('error', hint, scope, undefined, (full) =>
      isPrimitive(message)
        ? this.eventFromMessage(message, level ?? 'info', full)
        : this.eventFromException(message, full),
    );
  }

  /** Captures a prepared event (error, message, transaction or feedback); returns the event id. */
  public captureEvent(event: Event, hint?: EventHint, scope?: unknown): string {
    const copy = copyOwnEntries<Event>(event);
    const kind: EventKind = copy.type === 'transaction' || copy.type === 'feedback' ? copy.type : 'error';
    return this._capture(kind, hint, scope, copy.event_id, () => copy);
  }

  /** Builds the event of a thrown value; runtime packages override it for their own error types. */
  public eventFromException(exception: unknown, hint: EventHint): Event | PromiseLike<Event> {
    return eventFromUnknownInput(this._options.stackParser, exception, hint, this._options.attachStacktrace);
  }

  /** Builds the event of a message. */
  public eventFromMessage(
    message: unknown,
    level: SeverityLevel,
    hint: EventHint,
  ): Event | PromiseLike<Event> {
    return eventFromMessage(
      this._options.stackParser,
      message as string,
      level,
      hint,
      this._options.attachStacktrace,
    );
  }

  /** Resolves true when the pipeline and the transport emptied within `timeout` ms (no limit when omitted). */
  public flush(timeout?: number): PromiseLike<boolean> {
    return this._drain(timeout, 'flush');
  }

  /** Flushes, then disables the client for good; resolves as `flush` does. */
  public close(timeout?: number): PromiseLike<boolean> {
    return this._drain(timeout, 'close');
  }

  /**
   * Sets up a client made by hand (`new BrowserClient(…)`, bound with `scope.setClient(client)`, as
   * the established SDKs document for shared pages): installs its integrations, as `init` does.
   */
  public init(): void {
    this.setupIntegrations();
  }

  /** Installs `options.integrations` once (a no-op on later calls and on a disabled client). */
  public setupIntegrations(): void {
    if (this._integrationsSetUp) return;
    this._integrationsSetUp = true;
    if (!this.isEnabled()) return;
    setupIntegrations(this, this._options.integrations, this._integrations);
  }

  /** Installs one more integration after init (skipped when one of that name is installed). */
  public addIntegration(integration: Integration): void {
    addIntegrationTo(this, integration, this._integrations);
  }

  /** The installed integration of that name. */
  public getIntegrationByName<T extends Integration = Integration>(name: string): T | undefined {
    return this._integrations.get(name) as T | undefined;
  }

  /** Registers a hook; returns the function that unregisters it. */
  public on<K extends keyof ClientHooks>(hook: K, callback: ClientHooks[K]): () => void {
    return this._hooks.on(hook, callback);
  }

  /** Calls every callback of a hook; a throwing callback is logged and skipped. */
  public emit<K extends keyof ClientHooks>(hook: K, ...args: Parameters<ClientHooks[K]>): void {
    this._hooks.emit(hook, ...args);
  }

  /** Counts a dropped item for the next client report (protocol.md §4). */
  public recordDroppedEvent(reason: DiscardReason, category: DataCategory, quantity?: number): void {
    if (typeof reason !== 'string' || typeof category !== 'string') {
      DEBUG_BUILD && debug.warn('recordDroppedEvent: reason and category must be strings; ignored.');
      return;
    }
    DEBUG_BUILD && debug.log(`Dropped ${typeof quantity === 'number' ? quantity : 1} ${category} item(s): ${reason}`);
    callGuarded(
      'recording a dropped item',
      () => this._recorder.record(reason, category, quantity),
      undefined,
    );
  }

  /** The recorder whose counts client reports send (see `startClientReports`). */
  public getClientReportRecorder(): ClientReportRecorder {
    return this._recorder;
  }

  /** Scrubs secrets (option `scrubbing`), emits `beforeEnvelope`, then hands the envelope to the transport; never rejects. */
  public sendEnvelope(input: Envelope): PromiseLike<TransportMakeRequestResponse | void> {
    const envelope = this._scrub(input);
    if (!envelope) return Promise.resolve();
    this.emit('beforeEnvelope', envelope);
    const transport = this._transport;
    if (!transport) {
      DEBUG_BUILD && debug.log('No transport (no DSN, or the SDK is disabled): the envelope was not sent.');
      return Promise.resolve();
    }
    try {
      return Promise.resolve(transport.send(envelope)).then(undefined, (error: unknown) => {
        DEBUG_BUILD && debug.error('The envelope could not be sent:', error);
      });
    } catch (error) {
      DEBUG_BUILD && debug.error('The transport threw while sending an envelope:', error);
      return Promise.resolve();
    }
  }

  // The last step before the transport, after every `beforeSend*` hook (issue 18).
  private _scrub(envelope: Envelope): Envelope | undefined {
    const scrubber = this._scrubber;
    if (!scrubber) return envelope;
    return callGuarded(
      'scrubbing an envelope',
      () => scrubEnvelope(envelope, scrubber, (type) => this.recordDroppedEvent('internal_sdk_error', getItemCategory(type))),
      undefined,
    );
  }

  private _capture(
    kind: EventKind,
    hintInput: EventHint | undefined,
    scopeInput: unknown,
    ownEventId: unknown,
    build: (hint: EventHint) => Event | PromiseLike<Event>,
  ): string {
    let eventId: string | undefined;
    try {
      const hint = copyOwnEntries<EventHint & { event_id: string }>(hintInput);
      eventId = hint.event_id = resolveEventId(hint.event_id, ownEventId);
      if (!this.isEnabled()) {
        DEBUG_BUILD && debug.log(`The SDK is disabled; event ${eventId} was not captured.`);
        return eventId;
      }
      // The scopes are read now, while the caller's scope is current; the rest runs asynchronously.
      const isolationScope = getIsolationScope();
      // a feedback's id is no error the next report dialog could be about
      if (kind === 'error') isolationScope.setLastEventId(eventId);
      const scope = pickScope(scopeInput, hint.captureContext);
      const scopeData = getCombinedScopeData(isolationScope, scope);
      const work = processEvent(this, {
        kind,
        hint,
        scopeData,
        ...readTraceOfCapture(this, kind, scope, hint),
        integrations: this._integrations,
        build: () => build(hint),
      });
      this._pending.add(work);
      void work.then(() => this._pending.delete(work));
      return eventId;
    } catch (error) {
      DEBUG_BUILD && debug.error('Could not capture the event (an SDK error):', error);
      recordDrop(this, 'internal_sdk_error', kind);
      return eventId ?? uuid4();
    }
  }

  private async _drain(timeout: unknown, hook: 'flush' | 'close'): Promise<boolean> {
    try {
      const deadline = toDeadline(timeout);
      const idle = await waitUntilIdle(this._pending, deadline);
      if (hook === 'close') this._closed = true;
      // client reports send what they counted on these hooks, so they go out with this drain
      this.emit(hook);
      const transport = this._transport;
      if (!transport) return idle;
      const ms = remainingMs(deadline);
      const sent = await resolveWithin(
        callGuarded('transport.flush', () => transport.flush(ms), Promise.resolve(false)),
        ms,
        false,
      );
      return idle && sent === true;
    } catch (error) {
      DEBUG_BUILD && debug.error(`${hook} failed (an SDK error):`, error);
      return false;
    }
  }
}
