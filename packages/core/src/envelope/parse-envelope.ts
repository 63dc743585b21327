import { decodeUtf8, encodeUtf8 } from '../lib';
import type { Envelope, EnvelopeHeaders, EnvelopeItem, EnvelopeItemHeaders } from './types';

const NEWLINE = 0x0a;

/** Why an envelope could not be read; the sidecar answers 400 with this text. */
export class EnvelopeParseError extends Error {
  override readonly name = 'EnvelopeParseError';
}

/**
 * Reads the wire form back (protocol.md §2.1). JSON payloads are parsed; attachments stay bytes;
 * a payload that is not JSON is kept as text. Throws `EnvelopeParseError` on malformed input.
 */
export function parseEnvelope(body: Uint8Array | string): Envelope {
  const bytes = typeof body === 'string' ? encodeUtf8(body) : body;
  let offset = 0;

  const readLine = (): Uint8Array => {
    const end = bytes.indexOf(NEWLINE, offset);
    const line = bytes.subarray(offset, end === -1 ? bytes.length : end);
    offset = end === -1 ? bytes.length : end + 1;
    return line;
  };

  const headers = parseJsonLine(readLine(), 'envelope header') as EnvelopeHeaders;
  const items: EnvelopeItem[] = [];
  while (offset < bytes.length) {
    const headerLine = readLine();
    if (headerLine.length === 0 && offset >= bytes.length) break;
    const itemHeaders = parseJsonLine(headerLine, `header of item ${items.length}`) as EnvelopeItemHeaders;
    if (typeof itemHeaders.type !== 'string') {
      throw new EnvelopeParseError(`item ${items.length} has no type`);
    }
    let payload: Uint8Array;
    if (itemHeaders.length !== undefined) {
      const length = itemHeaders.length;
      if (!Number.isInteger(length) || length < 0) {
        throw new EnvelopeParseError(`item ${items.length} has an invalid length`);
      }
      if (offset + length > bytes.length) {
        throw new EnvelopeParseError(`item ${items.length} is truncated: ${length} bytes announced`);
      }
      payload = bytes.subarray(offset, offset + length);
      offset += length;
      if (offset < bytes.length && bytes[offset] !== NEWLINE) {
        throw new EnvelopeParseError(`item ${items.length} is longer than its length of ${length} bytes`);
      }
      offset += 1;
    } else {
      payload = readLine();
    }
    items.push([itemHeaders, decodePayload(itemHeaders, payload)]);
  }
  return [headers, items];
}

function parseJsonLine(line: Uint8Array, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(line));
  } catch {
    throw new EnvelopeParseError(`${what} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EnvelopeParseError(`${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

function decodePayload(headers: EnvelopeItemHeaders, payload: Uint8Array): unknown {
  if (headers.type === 'attachment' || headers.type === 'replay_recording') return payload.slice();
  const text = decodeUtf8(payload);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
