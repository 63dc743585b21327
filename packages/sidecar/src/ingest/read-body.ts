import type { IncomingMessage } from 'node:http';
import * as zlib from 'node:zlib';

/** The request body, decompressed; or the status and reason to answer with. */
export type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 400 | 413; reason: string };

type Decoder = (input: Buffer, options: { maxOutputLength: number }) => Buffer;

// Content-Encoding values Relay accepts (protocol.md §1.5); `deflate` is the zlib format.
const DECODERS: Record<string, Decoder | undefined> = {
  gzip: zlib.gunzipSync,
  'x-gzip': zlib.gunzipSync,
  deflate: zlib.inflateSync,
  br: zlib.brotliDecompressSync,
  // Node 22.15+ has zstd; older ones answer 400 naming it
  zstd: (zlib as unknown as { zstdDecompressSync?: Decoder }).zstdDecompressSync,
};

/**
 * Reads a request body of at most `maxBytes`, before and after decompression (so a small
 * compressed bomb is refused as well). An oversized body is still read to its end, so that the
 * client, which is still sending, gets the 413 rather than a reset connection.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const raw = await readRawBody(req, maxBytes);
  if (!raw) return { ok: false, status: 413, reason: `envelope larger than ${maxBytes} bytes` };
  const encodings = (req.headers['content-encoding'] ?? '')
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding !== '' && encoding !== 'identity');
  let body = raw;
  // encodings are listed in the order they were applied: undo them from the last
  for (const encoding of encodings.reverse()) {
    const decode = DECODERS[encoding];
    if (!decode) return { ok: false, status: 400, reason: `unsupported Content-Encoding: ${encoding}` };
    try {
      body = decode(body, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        return { ok: false, status: 413, reason: `decompressed envelope larger than ${maxBytes} bytes` };
      }
      return { ok: false, status: 400, reason: `body is not valid ${encoding} data` };
    }
  }
  return { ok: true, body };
}

/** The raw bytes, or undefined (after draining the rest) when there are more than `maxBytes`. */
function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > maxBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}
