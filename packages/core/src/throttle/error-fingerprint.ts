import type { Event, StackFrame } from '../types';

const MAX_PART_LENGTH = 200;

/**
 * What makes two error events "the same error" for throttling: the type of the thrown exception
 * and its top in-app frame (the innermost, else the innermost frame at all). Without frames, the
 * exception's message (or the event's message) stands in for the frame. Never throws.
 */
export function getErrorFingerprint(event: Event): string {
  try {
    const values = event.exception?.values;
    const exception = Array.isArray(values) ? values[values.length - 1] : undefined;
    if (exception) {
      const frame = topFrame(exception.stacktrace?.frames);
      const where = frame
        ? [frame.module ?? frame.filename, frame.function, frame.lineno, frame.colno].map(text).join(':')
        : text(exception.value);
      return `${text(exception.type ?? 'Error')}|${where}`.slice(0, MAX_PART_LENGTH * 2);
    }
    const message = event.logentry?.message ?? event.message;
    return `message|${text(message)}`.slice(0, MAX_PART_LENGTH);
  } catch {
    return 'unreadable';
  }
}

function topFrame(frames: StackFrame[] | undefined): StackFrame | undefined {
  if (!Array.isArray(frames) || frames.length === 0) return undefined;
  // frames run caller → callee: the innermost is last
  for (let index = frames.length - 1; index >= 0; index--) {
    if (frames[index]?.in_app === true) return frames[index];
  }
  return frames[frames.length - 1];
}

function text(part: string | number | undefined): string {
  return String(part ?? '');
}
