import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { CompressionAlgo } from '@sentry-sdk/core';

/** Smaller bodies are not worth the CPU; the official Node SDK uses the same limit (protocol.md §1.5). */
export const COMPRESSION_THRESHOLD = 32 * 1024;

/**
 * The request body as bytes, compressed (off the main thread, in libuv's pool) when it is at least
 * COMPRESSION_THRESHOLD bytes: gzip, or brotli when `algorithm` is CompressionAlgo.BROTLI. The
 * encoding to send as `Content-Encoding` comes with it.
 */
export async function compressBody(
  body: string | Uint8Array,
  algorithm: CompressionAlgo = CompressionAlgo.GZIP,
): Promise<{ body: Buffer; encoding?: CompressionAlgo }> {
  const bytes =
    typeof body === 'string'
      ? Buffer.from(body, 'utf8')
      : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (bytes.length < COMPRESSION_THRESHOLD) return { body: bytes };
  if (algorithm === CompressionAlgo.BROTLI) {
    // quality 4: close to gzip's size at a fraction of brotli's default (11) cost
    const compressed = await promisify(brotliCompress)(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
    });
    return { body: compressed, encoding: CompressionAlgo.BROTLI };
  }
  return { body: await promisify(gzip)(bytes), encoding: CompressionAlgo.GZIP };
}
