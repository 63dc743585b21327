interface CryptoGlobal {
  crypto?: { getRandomValues?<T extends Uint8Array>(array: T): T; randomUUID?(): string };
}

const globals = globalThis as unknown as CryptoGlobal;

/** A 32-hex id, or the dashed UUID form (Relay's `uuid` format), in either case. */
export const UUID_PATTERN = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})$/i;

// Ids are cut from a pool of random bytes refilled in one call, so that a span or an event does
// not pay a call into the platform's random source (and an allocation) for each id.
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let poolOffset = POOL_SIZE;

function fillPool(): void {
  const crypto = globals.crypto;
  if (crypto?.getRandomValues) {
    crypto.getRandomValues(pool);
  } else {
    for (let i = 0; i < POOL_SIZE; i++) pool[i] = (Math.random() * 256) | 0;
  }
  poolOffset = 0;
}

/** `count` random bytes from the pool, as a view valid until the next call. */
function randomBytes(count: number): Uint8Array {
  if (poolOffset + count > POOL_SIZE) fillPool();
  const bytes = pool.subarray(poolOffset, poolOffset + count);
  poolOffset += count;
  return bytes;
}

const HEX = Array.from({ length: 256 }, (_, byte) => (byte < 16 ? '0' : '') + byte.toString(16));

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += HEX[bytes[i]!]!;
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
