import type { Envelope } from '../envelope';
import type { Log } from '../logs';
import type { Scope } from '../scope';
import type { Span } from '../tracing';
import type { Breadcrumb, BreadcrumbHint } from './breadcrumb';
import type { DataCategory, DiscardReason } from './data-category';
import type { Event } from './event';
import type { EventHint } from './hint';
import type { Integration } from './integration';
import type { ClientOptions } from './options';
import type { SeverityLevel } from './severity';
import type { TransportMakeRequestResponse } from './transport';

/** The DSN's parts (protocol.md §1.1). */
export interface DsnComponents {
  protocol: 'http' | 'https';
  publicKey: string;
  pass: string;
  host: string;
  port: string;
  path: string;
  projectId: string;
  orgId?: string;
}

/**
 * The client's hooks, one typed map: `client.on('beforeSendEvent', cb)` returns a function that
 * unsubscribes. Later issues add span and log hooks here.
 */
export interface ClientHooks {
  /** An event passed the pipeline and is about to be sent. */
  beforeSendEvent: (event: Event, hint: EventHint) => void;
  /** An event was handed to the transport; the response when there was one. */
  afterSendEvent: (event: Event, response: TransportMakeRequestResponse | void) => void;
  /** Before the pipeline runs, e.g. to start a session. */
  preprocessEvent: (event: Event, hint: EventHint) => void;
  /** A breadcrumb is about to be stored (after `beforeBreadcrumb`). */
  beforeAddBreadcrumb: (breadcrumb: Breadcrumb, hint?: BreadcrumbHint) => void;
  /** An envelope is about to go to the transport. */
  beforeEnvelope: (envelope: Envelope) => void;
  flush: () => void;
  close: () => void;
  /** A span started (sampled or not). */
  spanStart: (span: Span) => void;
  /** A span ended. */
  spanEnd: (span: Span) => void;
  /** A log has its default attributes and is about to pass `beforeSendLog`; hooks may add attributes. */
  beforeCaptureLog: (log: Log) => void;
  /** A log passed `beforeSendLog` and joined the client's log buffer. */
  afterCaptureLog: (log: Log) => void;
  /**
   * An incoming server request was answered (or its client went away): Node's httpIntegration emits
   * it with the request's isolation scope, for request-mode sessions (`trackIncomingRequestsAsSessions`).
   */
  requestEnd: (details: { isolationScope: Scope; statusCode: number | undefined }) => void;
  /** `startSession`, `endSession` or `captureSession` was called: the runtime's session integration acts on it. */
  sessionControl: (action: SessionControlAction) => void;
}

/** What the manual session API asks of the session integration: begin a new one, end it, or send its state. */
export type SessionControlAction = 'start' | 'end' | 'capture';

/** What the capture API, integrations and runtime packages need from a client. */
export interface Client {
  getOptions(): ClientOptions;
  getDsn(): DsnComponents | undefined;
  /** Captures a thrown value; returns the event id. */
  captureException(exception: unknown, hint?: EventHint, scope?: unknown): string;
  captureMessage(message: string, level?: SeverityLevel, hint?: EventHint, scope?: unknown): string;
  captureEvent(event: Event, hint?: EventHint, scope?: unknown): string;
  /** Resolves true when everything pending was sent within `timeout` ms. */
  flush(timeout?: number): PromiseLike<boolean>;
  /** Flushes, then disables the client. */
  close(timeout?: number): PromiseLike<boolean>;
  getIntegrationByName<T extends Integration = Integration>(name: string): T | undefined;
  addIntegration(integration: Integration): void;
  on<K extends keyof ClientHooks>(hook: K, callback: ClientHooks[K]): () => void;
  emit<K extends keyof ClientHooks>(hook: K, ...args: Parameters<ClientHooks[K]>): void;
  recordDroppedEvent(reason: DiscardReason, category: DataCategory, quantity?: number): void;
  sendEnvelope(envelope: Envelope): PromiseLike<TransportMakeRequestResponse | void>;
}
