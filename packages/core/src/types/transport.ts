import type { Envelope } from '../envelope';
import type { RecordDroppedEvent } from './data-category';

/** What a runtime's request function sends: the serialized envelope. */
export interface TransportRequest {
  body: string | Uint8Array;
}

/** What came back: enough to apply rate limits (protocol.md §3). */
export interface TransportMakeRequestResponse {
  statusCode?: number;
  headers?: {
    'x-sentry-rate-limits': string | null;
    'retry-after': string | null;
  };
}

/** Sends one request; rejects on network failure. Supplied by each runtime (fetch, node:http, …). */
export type TransportRequestExecutor = (request: TransportRequest) => PromiseLike<TransportMakeRequestResponse>;

/** Everything a transport factory is given by the client. */
export interface TransportOptions {
  /** The ingest URL with auth in the query (or the tunnel URL). */
  url: string;
  recordDroppedEvent: RecordDroppedEvent;
  /** In-flight envelopes at most (DEFAULT_QUEUE_SIZE). */
  bufferSize?: number;
  headers?: Record<string, string>;
  /** The tunnel URL when one is configured (multiplexed transports build per-DSN URLs from it). */
  tunnel?: string;
  /** The SDK's name and version, for `sentry_client` in per-DSN URLs. */
  sdk?: { name: string; version: string };
  [key: string]: unknown;
}

/**
 * Sends envelopes. `send` rejects only when no response came back (a network failure, already
 * recorded as `network_error`), which is what offline and multiplexed wrappers react to; the
 * client catches it, so it never reaches the SDK's callers.
 */
export interface Transport {
  send(envelope: Envelope): PromiseLike<TransportMakeRequestResponse | void>;
  /** Resolves true once everything in flight has settled within `timeout` ms. */
  flush(timeout?: number): PromiseLike<boolean>;
}
