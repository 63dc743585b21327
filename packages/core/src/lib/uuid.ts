interface CryptoGlobal {
  crypto?: { getRandomValues?<T extends Uint8Array>(array: T): T; randomUUID?(): string };
}

const globals = globalThis as unknown as CryptoGlobal;

/** A 32-hex id, or the dashed UUID form (Relay's `uuid` format), in either case. */
export const UUID_PATTERN = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$/i;

function randomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  const crypto = globals.crypto;
  if (crypto?.getRandomValues) {
    crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < count; i++) bytes[i] = (Math.random() * 256) | 0;
  }
  return bytes;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += (byte < 16 ? '0' : '') + byte.toString(16);
  return hex;
}

/** A UUID v4 as 32 lowercase hex characters without dashes (event, check-in and session ids). */
export function uuid4(): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return toHex(bytes);
}

/** A 32-hex trace id. */
export function generateTraceId(): string {
  return uuid4();
}

/** A 16-hex span id. */
export function generateSpanId(): string {
  return toHex(randomBytes(8));
}
