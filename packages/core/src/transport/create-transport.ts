import { createEnvelope, getItemCategory, serializeEnvelope, type Envelope, type EnvelopeItem } from '../envelope';
import { copyOwnEntries, DEBUG_BUILD, debug, DEFAULT_QUEUE_SIZE, isoTimestamp } from '../lib';
import type {
  RecordDroppedEvent,
  Transport,
  TransportMakeRequestResponse,
  TransportOptions,
  TransportRequestExecutor,
} from '../types';
import { createPromiseBuffer, type PromiseBuffer } from './promise-buffer';
import { isRateLimited, updateRateLimits, type RateLimits } from './rate-limits';
import { recordItemsLost } from './record-envelope-loss';

/**
 * The platform-neutral transport that runtime transports wrap around their request function
 * (protocol.md §3): a bounded in-flight buffer, rate limits per category, and outcome recording.
 * `send` resolves with the response; it rejects only when the request failed without a response
 * (after recording `network_error`), so wrappers such as the offline transport can retry.
 */
export function createTransport(
  input: TransportOptions,
  makeRequest: TransportRequestExecutor,
  givenBuffer?: PromiseBuffer<TransportMakeRequestResponse>,
): Transport {
  // read once, guarded: runtime transports hand over what users configured
  const options = copyOwnEntries<TransportOptions>(input);
  const buffer = givenBuffer ?? createPromiseBuffer(readBufferSize(options.bufferSize));
  let rateLimits: RateLimits = {};
  const record = options.recordDroppedEvent;

  const request = (envelope: Envelope, items: EnvelopeItem[]): PromiseLike<TransportMakeRequestResponse> => {
    let body: string | Uint8Array;
    try {
      body = serializeEnvelope(createEnvelope(withSentAt(envelope[0]), items));
    } catch (error) {
      DEBUG_BUILD && debug.error('Could not serialize an envelope:', error);
      recordItemsLost(items, 'internal_sdk_error', record);
      return Promise.resolve({});
    }
    let sent: PromiseLike<TransportMakeRequestResponse>;
    try {
      sent = Promise.resolve(makeRequest({ body }));
    } catch (error) {
      sent = Promise.reject(error instanceof Error ? error : new Error('the request function threw'));
    }
    return sent.then(
      (response = {}) => {
        rateLimits = updateRateLimits(rateLimits, response);
        handleStatus(response, items, record);
        return response;
      },
      (error: unknown) => {
        DEBUG_BUILD && debug.error('Could not send an envelope to', options.url, error);
        recordItemsLost(items, 'network_error', record);
        throw error;
      },
    );
  };

  const send = (envelope: Envelope): PromiseLike<TransportMakeRequestResponse> => {
    const now = Date.now();
    const kept: EnvelopeItem[] = [];
    const limited: EnvelopeItem[] = [];
    try {
      for (const item of envelope[1]) {
        (isRateLimited(rateLimits, getItemCategory(item[0].type), now) ? limited : kept).push(item);
      }
    } catch (error) {
      DEBUG_BUILD && debug.error('transport.send was given something that is not an envelope:', error);
      return Promise.resolve({});
    }
    recordItemsLost(limited, 'ratelimit_backoff', record);
    if (kept.length === 0) return Promise.resolve({});

    const result = buffer.add(() => request(envelope, kept));
    if (!result) {
      DEBUG_BUILD && debug.warn(`The send queue is full (bufferSize ${buffer.size()}); dropping an envelope.`);
      recordItemsLost(kept, 'queue_overflow', record);
      return Promise.resolve({});
    }
    return result;
  };

  return { send, flush: (timeout) => buffer.drain(timeout) };
}

function handleStatus(response: TransportMakeRequestResponse, items: EnvelopeItem[], record: RecordDroppedEvent): void {
  const status = response.statusCode;
  if (status === undefined || status < 400 || status === 429) return;
  if (status === 413) {
    DEBUG_BUILD && debug.error('The envelope was too large for the server (413); it was dropped.');
  } else {
    DEBUG_BUILD && debug.warn(`The server answered ${status} to an envelope; it was dropped.`);
  }
  recordItemsLost(items, 'send_error', record);
}

// `sent_at` is written once, at send time (protocol.md §2.2), right after `event_id` as Relay's
// examples show. Without an `event_id` the key holds undefined, which JSON leaves out.
function withSentAt(headers: Envelope[0]): Envelope[0] {
  const sentAt = isoTimestamp();
  return Object.assign({ event_id: headers.event_id, sent_at: sentAt }, headers, { sent_at: sentAt });
}

function readBufferSize(bufferSize: unknown): number {
  if (bufferSize === undefined) return DEFAULT_QUEUE_SIZE;
  if (typeof bufferSize === 'number' && Number.isInteger(bufferSize) && bufferSize > 0) return bufferSize;
  DEBUG_BUILD && debug.warn(`transportOptions.bufferSize must be a positive integer; using ${DEFAULT_QUEUE_SIZE}.`);
  return DEFAULT_QUEUE_SIZE;
}
