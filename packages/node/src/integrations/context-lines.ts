import type { Event, Integration, StackFrame } from '@sentry-sdk/core';
import { createLruMap } from './lru-map';
import { LONG_LINE, readSourceLines, type SourceLines } from './read-source-lines';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'ContextLines';
const DEFAULT_CONTEXT_LINES = 7;
// Files whose lines are kept, and files known to be unreadable: both bounded, least recent out first.
const FILE_CACHE_SIZE = 20;
const UNREADABLE_CACHE_SIZE = 100;
// A file whose kept lines pass this many starts over, so a hot file cannot grow without bound.
const MAX_LINES_PER_FILE = 2000;

/** Options of contextLinesIntegration. */
export interface ContextLinesOptions {
  /** Lines of source before and after each frame's line; 0 turns context off. Default 7. */
  frameContextLines?: number;
}

/**
 * Adds `pre_context`, `context_line` and `post_context` to stack frames with absolute paths (app
 * and node_modules files), read asynchronously from the source files. Only the lines needed are
 * kept, for a bounded number of files; files that cannot be read are remembered as such. Lines of
 * minified code (over 1000 characters) are left out, files over 10 MiB are not read.
 */
export function contextLinesIntegration(input: ContextLinesOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<ContextLinesOptions>(input);
  const contextLines = readContextLines(options.frameContextLines);
  const files = createLruMap<string, SourceLines>(FILE_CACHE_SIZE);
  const unreadable = createLruMap<string, true>(UNREADABLE_CACHE_SIZE);

  const load = async (path: string, wanted: Set<number>): Promise<SourceLines | undefined> => {
    if (unreadable.has(path)) return undefined;
    let source = files.get(path);
    if (source && source.lines.size > MAX_LINES_PER_FILE) source = undefined;
    if (source && hasAll(source, wanted)) return source;
    const target: SourceLines = source ?? { lines: new Map() };
    const missing = new Set([...wanted].filter((n) => !target.lines.has(n)));
    if (!(await readSourceLines(path, missing, target))) {
      files.delete(path);
      unreadable.set(path, true);
      return undefined;
    }
    files.set(path, target);
    return target;
  };

  return {
    name: NAME,
    async processEvent(event) {
      if (contextLines === 0) return event;
      const byFile = collectFrames(event);
      await Promise.all(
        [...byFile].map(async ([path, frames]) => {
          const wanted = new Set<number>();
          for (const frame of frames) {
            const lineno = frame.lineno!;
            for (let n = Math.max(1, lineno - contextLines); n <= lineno + contextLines; n++) wanted.add(n);
          }
          const source = await load(path, wanted);
          if (source) for (const frame of frames) addContext(frame, source, contextLines);
        }),
      );
      return event;
    },
  };
}

function readContextLines(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_CONTEXT_LINES;
}

function hasAll(source: SourceLines, wanted: Set<number>): boolean {
  for (const n of wanted) {
    if (!source.lines.has(n) && (source.lineCount === undefined || n <= source.lineCount)) return false;
  }
  return true;
}

/** Frames of exceptions and threads that have an absolute path and a line, grouped by path. */
function collectFrames(event: Event): Map<string, StackFrame[]> {
  const byFile = new Map<string, StackFrame[]>();
  const stacks = [...(event.exception?.values ?? []), ...(event.threads?.values ?? [])] as {
    stacktrace?: { frames?: StackFrame[] };
  }[];
  for (const stack of stacks) {
    const frames = stack?.stacktrace?.frames;
    if (!Array.isArray(frames)) continue;
    for (const frame of frames) {
      if (!frame || frame.context_line !== undefined || typeof frame.lineno !== 'number' || frame.lineno < 1)
        continue;
      const path = frame.abs_path ?? frame.filename;
      if (typeof path !== 'string' || !isReadablePath(path)) continue;
      const list = byFile.get(path);
      if (list) list.push(frame);
      else byFile.set(path, [frame]);
    }
  }
  return byFile;
}

function isReadablePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

function addContext(frame: StackFrame, source: SourceLines, contextLines: number): void {
  const lineno = frame.lineno!;
  const line = source.lines.get(lineno);
  // a line past the end (the file changed) or minified code: no context rather than a wrong one
  if (line === undefined || line === LONG_LINE) return;
  const around = (from: number, to: number): string[] => {
    const result: string[] = [];
    for (let n = Math.max(1, from); n <= to; n++) {
      const text = source.lines.get(n);
      if (text === undefined) break;
      result.push(text ?? '');
    }
    return result;
  };
  frame.pre_context = around(lineno - contextLines, lineno - 1);
  frame.context_line = line;
  frame.post_context = around(lineno + 1, lineno + contextLines);
}
