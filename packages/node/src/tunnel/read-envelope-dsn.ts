import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib';
import type { DsnComponents } from '@sentry-sdk/core';
import { parseDsn } from '@sentry-sdk/core/internal';

// The header line is a few hundred bytes: a compressed body is only read this far to find it, and
// its output is bounded, so a decompression bomb costs at most MAX_OUTPUT_BYTES.
const COMPRESSED_PREFIX_BYTES = 8 * 1024;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

/** The DSN an envelope names in its header (protocol.md §1.2: a tunnelled envelope must carry it). */
export function readEnvelopeDsn(body: Buffer, encoding: string | undefined): DsnComponents | undefined {
  try {
    const text = headerText(body, encoding?.toLowerCase().trim());
    const newline = text.indexOf('\n');
    const header = JSON.parse(newline === -1 ? text : text.slice(0, newline)) as unknown;
    const dsn = header !== null && typeof header === 'object' ? (header as { dsn?: unknown }).dsn : undefined;
    const parsed = parseDsn(dsn);
    return 'dsn' in parsed ? parsed.dsn : undefined;
  } catch {
    return undefined;
  }
}

function headerText(body: Buffer, encoding: string | undefined): string {
  const prefix = body.subarray(0, COMPRESSED_PREFIX_BYTES);
  const zlibOptions = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_OUTPUT_BYTES };
  let raw: Buffer;
  switch (encoding) {
    case undefined:
    case '':
    case 'identity':
      raw = body;
      break;
    case 'gzip':
    case 'x-gzip':
      raw = gunzipSync(prefix, zlibOptions);
      break;
    case 'deflate':
      raw = inflateSync(prefix, zlibOptions);
      break;
    case 'br':
      raw = brotliDecompressSync(prefix, {
        finishFlush: constants.BROTLI_OPERATION_FLUSH,
        maxOutputLength: MAX_OUTPUT_BYTES,
      });
      break;
    default:
      throw new Error(`unsupported content-encoding ${encoding}`);
  }
  return raw.subarray(0, MAX_HEADER_BYTES).toString('utf8');
}
