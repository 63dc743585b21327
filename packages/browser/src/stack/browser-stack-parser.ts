import ErrorStackParser from 'error-stack-parser';
import type { StackFrame, StackParser } from '@sentry-sdk/core';
import { isInAppFilename } from './frame-in-app';

// Relay keeps at most 50 frames (protocol.md §13); the newest are the ones worth keeping.
const MAX_FRAMES = 50;
// Longer lines are minified code or data, never a frame: skipping them bounds the regex work.
const MAX_LINE_LENGTH = 1024;
const UNKNOWN_FUNCTION = '?';

// Firefox names code run by eval or `new Function` after the line of the call:
// "app.js line 11 > eval:1:31" or "app.js line 12 > Function:3:7". The call site is what we keep.
const FIREFOX_EVAL = / line (\d+)(?: > (?:eval|Function) line \d+)* > (?:eval|Function):\d+:\d+/;
const CHROME_NATIVE = /^(\s*at .+ )\(<anonymous>\)$/;
// Firefox marks the first frame after an async boundary with the cause: "async*name@…",
// "promise callback*name@…", "setTimeout handler*@…".
const ASYNC_CAUSE = /^[^@*]*\*/;
// Chrome: "at async name (…)"; error-stack-parser keeps the keyword in the name.
const ASYNC_KEYWORD = /^async /;

interface ParsedFrame {
  functionName?: string;
  fileName?: string;
  lineNumber?: number | string;
  columnNumber?: number | string;
  source?: string;
}

function prepareLine(line: string): string | undefined {
  if (line.length > MAX_LINE_LENGTH) return undefined;
  // error-stack-parser drops "at Array.map (<anonymous>)" but keeps the older "(native)" form.
  return line.replace(FIREFOX_EVAL, ':$1').replace(CHROME_NATIVE, '$1(native)');
}

function parseLines(lines: string[]): ParsedFrame[] {
  try {
    return ErrorStackParser.parse({ name: '', message: '', stack: lines.join('\n') });
  } catch {
    return [];
  }
}

// The CDN bundles build frames without stackframe's setters: numbers may arrive as strings there.
function toNumber(value: unknown): number | undefined {
  const number = Number(value);
  return value === undefined || value === null || value === '' || !Number.isFinite(number)
    ? undefined
    : number;
}

function toFrame(parsed: ParsedFrame): StackFrame | undefined {
  const { source, functionName = '' } = parsed;
  const lineno = toNumber(parsed.lineNumber);
  const colno = toNumber(parsed.columnNumber);
  // Chrome: "at Array.map (<anonymous>)", once "(native)"; Safari: "forEach@[native code]".
  const native = /^(?:\[native code\]|\(?native\)?)$/.test(parsed.fileName ?? '');
  const filename = (native && parsed.fileName !== '[native code]' ? '' : parsed.fileName) || '<anonymous>';
  // Safari names functions run by eval without a location: "evalInner", "eval code", "name@".
  const locationless =
    source === undefined ? /^(?:eval code|[\w$.]+)$/.test(functionName) : /^[^@]+@$/.test(source);
  if (lineno === undefined && !native && !locationless) return undefined;
  const name = functionName.replace(ASYNC_CAUSE, '').replace(ASYNC_KEYWORD, '');
  const frame: StackFrame = {
    filename,
    function: name || UNKNOWN_FUNCTION,
    in_app: isInAppFilename(filename),
  };
  if (lineno !== undefined) frame.lineno = lineno;
  if (colno !== undefined) frame.colno = colno;
  return frame;
}

/**
 * Parses Chrome/Edge (V8), Firefox and Safari stack strings with error-stack-parser into frames
 * oldest first (protocol.md §5.3): `function` is '?' when unknown, eval and `new Function` frames
 * point at their call site, lines that are not frames are skipped. Never throws.
 */
export const browserStackParser: StackParser = (stack, skipFirstLines = 0) => {
  if (typeof stack !== 'string' || !stack) return [];
  const lines: string[] = [];
  for (const line of stack.split('\n').slice(typeof skipFirstLines === 'number' ? skipFirstLines : 0)) {
    const prepared = prepareLine(line);
    if (prepared !== undefined) lines.push(prepared);
  }
  const frames: StackFrame[] = [];
  for (const parsed of parseLines(lines)) {
    const frame = toFrame(parsed);
    if (frame) frames.push(frame);
    if (frames.length >= MAX_FRAMES) break;
  }
  // Text without a single located frame is a message or garbage, not a stack.
  return frames.some((frame) => frame.lineno !== undefined) ? frames.reverse() : [];
};

/** The stack parser `init` uses unless `stackParser` is given. */
export const defaultStackParser = browserStackParser;
