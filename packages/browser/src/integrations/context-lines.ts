import type { Event, Integration, StackFrame } from '@sentry-sdk/core';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'ContextLines';
// Longer lines (minified inline scripts) are cut to a window around the column.
const MAX_LINE_LENGTH = 140;

/** Options of contextLinesIntegration. */
export interface ContextLinesOptions {
  /** Lines before and after the frame's line (default 7; 0 turns the integration off). */
  frameContextLines?: number;
}

interface PageGlobals {
  location?: { href?: string };
  document?: Document;
}

function pageUrls(): string[] {
  const href = (globalThis as PageGlobals).location?.href;
  return href ? [href, href.split('#')[0]!] : [];
}

/**
 * The page's HTML by line, in the ways it may have been written. The parser keeps everything from
 * `<head>` on as written (an inline script's text exactly), but drops the line breaks between the
 * doctype, `<html>` and `<head>`: conventionally one line each, else two, else all on one line.
 */
function pageLineCandidates(): string[][] {
  const doc = (globalThis as PageGlobals).document;
  const html = doc?.documentElement?.outerHTML;
  if (typeof html !== 'string') return [];
  const lines = html.split('\n');
  const doctype = doc?.doctype ? ['<!DOCTYPE html>'] : [];
  const first = lines[0] ?? '';
  const headAt = first.indexOf('<head');
  const conventional = headAt > 0 ? [first.slice(0, headAt), first.slice(headAt), ...lines.slice(1)] : lines;
  return [
    [...doctype, ...conventional],
    [...doctype, ...lines],
    [`${doctype.join('')}${first}`, ...lines.slice(1)],
  ];
}

/** True when `lines` has code where the frame points (a non-blank character at its column). */
function fits(lines: string[], frame: StackFrame): boolean {
  const line = typeof frame.lineno === 'number' ? lines[frame.lineno - 1] : undefined;
  if (line === undefined) return false;
  return typeof frame.colno !== 'number' || /\S/.test(line.charAt(frame.colno - 1));
}

/** Cuts a long line to `MAX_LINE_LENGTH` characters around `colno`, marking the cuts with `{snip}`. */
export function snipLine(line: string, colno: number | undefined): string {
  if (line.length <= MAX_LINE_LENGTH) return line;
  const center = Math.min(Math.max((colno ?? 1) - 1, 0), line.length);
  const start = Math.max(0, Math.min(center - MAX_LINE_LENGTH / 2, line.length - MAX_LINE_LENGTH));
  const end = Math.min(line.length, start + MAX_LINE_LENGTH);
  return `${start > 0 ? '{snip} ' : ''}${line.slice(start, end)}${end < line.length ? ' {snip}' : ''}`;
}

/** Adds `pre_context`, `context_line` and `post_context` to `frame` from `lines` (1-based `lineno`). */
export function addContextToFrame(lines: string[], frame: StackFrame, contextLines: number): void {
  const lineno = frame.lineno;
  if (typeof lineno !== 'number' || lineno < 1 || lineno > lines.length) return;
  const index = lineno - 1;
  const snip = (line: string): string => snipLine(line, frame.colno);
  frame.pre_context = lines.slice(Math.max(0, index - contextLines), index).map(snip);
  frame.context_line = snip(lines[index]!);
  frame.post_context = lines.slice(index + 1, index + 1 + contextLines).map(snip);
}

function framesOf(event: Event): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const exception of event.exception?.values ?? []) frames.push(...(exception.stacktrace?.frames ?? []));
  return frames;
}

/**
 * Adds source lines to the frames of inline scripts (those whose file is the page itself), read
 * from the page's HTML: `frameContextLines` lines before and after each. Frames of script files
 * get their lines from source maps on the server instead.
 */
export function contextLinesIntegration(input: ContextLinesOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<ContextLinesOptions>(input);
  const contextLines = options.frameContextLines ?? 7;
  return {
    name: NAME,
    processEvent(event) {
      if (contextLines <= 0) return event;
      const urls = pageUrls();
      const inline = framesOf(event).filter(
        (frame) => frame.filename !== undefined && urls.includes(frame.filename),
      );
      if (inline.length === 0) return event;
      const candidates = pageLineCandidates();
      const lines =
        candidates.find((candidate) => inline.every((frame) => fits(candidate, frame))) ?? candidates[0];
      if (lines) for (const frame of inline) addContextToFrame(lines, frame, contextLines);
      return event;
    },
  };
}
