import type { Transport, TransportOptions } from '@sentry-sdk/core';
import { parseEnvelope, serializeEnvelope, type Envelope } from '@sentry-sdk/core/internal';

/** A transport that keeps every envelope in its wire form, serialized and parsed back. */
export interface RecordingTransport {
  /** Pass as the `transport` option. */
  factory: (options: TransportOptions) => Transport;
  /** Everything sent so far, as a receiver would read it. */
  envelopes: Envelope[];
  /** The payloads of every item of one type, in the order sent. */
  payloads: <T = unknown>(type: string) => T[];
}

/** Records envelopes instead of sending them; each goes through serialize → parse, as on the wire. */
export function createRecordingTransport(): RecordingTransport {
  const envelopes: Envelope[] = [];
  const transport: Transport = {
    send(envelope) {
      envelopes.push(parseEnvelope(serializeEnvelope(envelope)));
      return Promise.resolve({ statusCode: 200 });
    },
    flush: () => Promise.resolve(true),
  };
  return {
    factory: () => transport,
    envelopes,
    payloads: <T>(type: string): T[] =>
      envelopes.flatMap(([, items]) => items.filter(([headers]) => headers.type === type).map(([, payload]) => payload as T)),
  };
}
