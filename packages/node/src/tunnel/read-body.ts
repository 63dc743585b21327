import type { IncomingMessage } from 'node:http';

/** The body of a request, or why it could not be read. */
export type BodyResult = { ok: true; body: Buffer } | { ok: false; status: 400 | 413 };

/**
 * Reads a request body of at most `maxBytes`, or takes the one a framework's body parser already
 * read (`req.body` as a Buffer or string, e.g. `express.raw()` or `express.text()`). A larger body
 * stops the read at the limit (413): the rest is never buffered.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  if (Buffer.isBuffer(parsed) || typeof parsed === 'string') {
    const body = Buffer.isBuffer(parsed) ? parsed : Buffer.from(parsed, 'utf8');
    return Promise.resolve(body.length > maxBytes ? { ok: false, status: 413 } : { ok: true, body });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ ok: false, status: 413 });

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        settle({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle({ ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => settle({ ok: false, status: 400 }));
    req.on('close', () => settle({ ok: false, status: 400 }));
  });
}
