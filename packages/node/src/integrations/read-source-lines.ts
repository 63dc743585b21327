import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** A line too long to be worth sending (minified code): kept as a marker, not as text. */
export const LONG_LINE = null;
/** Lines longer than this are minified code, not context anyone can read. */
export const MAX_LINE_LENGTH = 1000;
/** Larger files are bundles or generated code; reading them costs more than context is worth. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The lines of one file read so far; `lineCount` once the end of the file was reached. */
export interface SourceLines {
  lines: Map<number, string | null>;
  lineCount?: number;
}

/**
 * Reads the 1-based line numbers `wanted` of a text file into `into` (LONG_LINE for lines over
 * MAX_LINE_LENGTH), streaming only as far as the last wanted line. Resolves false when the file
 * cannot be read or is larger than MAX_FILE_BYTES.
 */
export async function readSourceLines(
  path: string,
  wanted: Set<number>,
  into: SourceLines,
): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return false;
  } catch {
    return false;
  }
  const last = Math.max(...wanted);
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  return new Promise((resolve) => {
    let lineno = 0;
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      lines.close();
      stream.destroy();
      resolve(ok);
    };
    stream.on('error', () => finish(false));
    lines.on('line', (line) => {
      lineno++;
      if (wanted.has(lineno)) into.lines.set(lineno, line.length > MAX_LINE_LENGTH ? LONG_LINE : line);
      if (lineno >= last) finish(true);
    });
    lines.on('close', () => {
      if (!done) into.lineCount = lineno;
      finish(true);
    });
  });
}
