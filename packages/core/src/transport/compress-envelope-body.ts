import { encodeUtf8 } from '../lib';

interface ReadableLike {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> };
}
interface CompressionStreamLike {
  readable: ReadableLike;
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
}
interface CompressionGlobals {
  CompressionStream?: new (format: 'gzip') => CompressionStreamLike;
}

/** Official Node SDK's threshold: smaller bodies are not worth the CPU (protocol.md §1.5). */
export const DEFAULT_COMPRESSION_THRESHOLD = 32 * 1024;

/**
 * Gzips a request body of at least `threshold` bytes where the runtime has `CompressionStream`; the
 * caller sends `Content-Encoding: {encoding}` when one is returned. Never rejects: on failure the
 * body is returned as it was.
 */
export async function compressEnvelopeBody(
  body: string | Uint8Array,
  threshold: number = DEFAULT_COMPRESSION_THRESHOLD,
): Promise<{ body: string | Uint8Array; encoding?: 'gzip' }> {
  const Compression = (globalThis as unknown as CompressionGlobals).CompressionStream;
  // A UTF-16 unit is at most 3 UTF-8 bytes: short strings need no encoding to know they are small.
  if (!Compression || (typeof body === 'string' && body.length * 3 < threshold)) return { body };
  const bytes = typeof body === 'string' ? encodeUtf8(body) : body;
  if (bytes.length < threshold) return { body };
  try {
    const stream = new Compression('gzip');
    const writer = stream.writable.getWriter();
    const written = writer.write(bytes).then(() => writer.close());
    const compressed = await readAll(stream.readable);
    await written;
    return { body: compressed, encoding: 'gzip' };
  } catch {
    return { body };
  }
}

async function readAll(readable: ReadableLike): Promise<Uint8Array> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value) {
      chunks.push(value);
      total += value.length;
    }
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
