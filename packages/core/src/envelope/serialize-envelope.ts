import { encodeUtf8 } from '../lib';
import { stringifyPayload } from './stringify-payload';
import type { Envelope, EnvelopeItem, EnvelopeItemHeaders } from './types';

// Item types whose payload is raw data (protocol.md §2.3: they always carry `length`).
const RAW_ITEM_TYPES: readonly string[] = ['attachment', 'replay_recording'];

/**
 * The wire form of an envelope (protocol.md §2.1): a string when every payload is JSON or text, bytes
 * when any payload is binary. Attachments and binary payloads get `length` in UTF-8 bytes.
 */
export function serializeEnvelope(envelope: Envelope): string | Uint8Array {
  const [headers, items] = envelope;
  const parts: (string | Uint8Array)[] = [stringifyPayload(headers)];
  let binary = false;
  for (const item of items) {
    const [itemHeaders, payload] = serializeItem(item);
    parts.push(`\n${stringifyPayload(itemHeaders)}\n`, payload);
    if (typeof payload !== 'string') binary = true;
  }
  return binary ? concatParts(parts) : (parts as string[]).join('');
}

function serializeItem([headers, payload]: EnvelopeItem): [EnvelopeItemHeaders, string | Uint8Array] {
  if (payload instanceof Uint8Array) return [withLength(headers, payload.length), payload];
  const isRaw = RAW_ITEM_TYPES.includes(headers.type);
  // A string payload is already text (an attachment, a pre-serialized item); anything else is JSON.
  const text = typeof payload === 'string' ? payload : stringifyPayload(payload);
  if (isRaw || headers.length !== undefined || text.includes('\n')) {
    return [withLength(headers, encodeUtf8(text).length), text];
  }
  return [headers, text];
}

/** Sets `length`, keeping an existing key in place and otherwise putting it right after `type`. */
function withLength(headers: EnvelopeItemHeaders, length: number): EnvelopeItemHeaders {
  if (headers.length === length) return headers;
  if ('length' in headers) return { ...headers, length };
  const { type, ...rest } = headers;
  return { type, length, ...rest };
}

function concatParts(parts: (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((part) => (typeof part === 'string' ? encodeUtf8(part) : part));
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
