import type { StackFrame, StackParser } from '@sentry-sdk/core';
import { createGetModuleFromFilename, isAbsolutePath } from './get-module-from-filename';
import { parseV8Line, type V8Line } from './parse-v8-line';

/** Relay trims longer stacks from the middle; the frames nearest the throw matter most (protocol.md §5.3). */
const MAX_FRAMES = 50;
const UNKNOWN_FUNCTION = '?';
const IN_NODE_MODULES = /[\\/]node_modules[\\/]/;

/**
 * A stack parser for V8 stacks (Node): frames oldest first, with `filename` and `abs_path` (file
 * URLs of ES modules turned into paths), `function`, `lineno`, `colno`, `module` (see
 * createGetModuleFromFilename) and `in_app` (false for `node_modules`, `node:` internals, native and
 * pseudo-file frames such as `<anonymous>`). `appRoot` defaults to `process.cwd()` at first use.
 */
export function createNodeStackParser(appRoot?: string): StackParser {
  let getModule: ((filename: string) => string | undefined) | undefined;
  return (stack, skipFirstLines = 0) => {
    getModule ??= createGetModuleFromFilename(appRoot ?? readCwd());
    if (typeof stack !== 'string' || !stack) return [];
    const frames: StackFrame[] = [];
    const lines = stack.split('\n');
    for (
      let i = typeof skipFirstLines === 'number' ? Math.max(0, skipFirstLines) : 0;
      i < lines.length && frames.length < MAX_FRAMES;
      i++
    ) {
      const parsed = parseV8Line(lines[i]!);
      if (parsed) frames.push(toFrame(parsed, getModule));
    }
    return frames.reverse();
  };
}

/** The stack parser `init` uses: createNodeStackParser() with the working directory as app root. */
export const nodeStackParser: StackParser = (stack, skipFirstLines) =>
  getDefaultParser()(stack, skipFirstLines);

let defaultParser: StackParser | undefined;
function getDefaultParser(): StackParser {
  return (defaultParser ??= createNodeStackParser());
}

function toFrame(line: V8Line, getModule: (filename: string) => string | undefined): StackFrame {
  const frame: StackFrame = { function: toFunctionName(line.function) };
  const file = line.file === undefined ? undefined : toPath(line.file);
  if (file !== undefined) frame.filename = file;
  if (line.line !== undefined) frame.lineno = line.line;
  if (line.column !== undefined) frame.colno = line.column;

  frame.in_app = false;
  if (file !== undefined && !line.native && isAbsolutePath(file)) {
    frame.abs_path = file;
    const module = getModule(file);
    if (module !== undefined) frame.module = module;
    frame.in_app = !IN_NODE_MODULES.test(file);
  }
  return frame;
}

function toFunctionName(name: string | undefined): string {
  if (!name) return UNKNOWN_FUNCTION;
  // An `async fn` frame is the continuation of fn after an await: the same function for grouping.
  return name.startsWith('async ') ? name.slice(6) || UNKNOWN_FUNCTION : name;
}

/** A `file://` URL (ES modules) as a path; anything else unchanged. */
function toPath(file: string): string {
  if (!file.startsWith('file://')) return file;
  let path = file.slice('file://'.length);
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: keep the path as V8 printed it
  }
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

function readCwd(): string {
  try {
    return process.cwd();
  } catch {
    return ''; // the working directory was removed
  }
}
