// The parts of an event payload the sidecar reads. Payloads come from the network: every field
// is checked before use, so these types only name what may be there.

/** One stack frame as it may arrive. */
export interface FrameShape {
  function?: unknown;
  filename?: unknown;
  abs_path?: unknown;
  module?: unknown;
  in_app?: unknown;
  lineno?: unknown;
}

/** One exception value as it may arrive. */
export interface ExceptionShape {
  type?: unknown;
  value?: unknown;
  stacktrace?: { frames?: unknown };
}

/** An error event as it may arrive. */
export interface EventShape {
  fingerprint?: unknown;
  exception?: { values?: unknown };
  logentry?: { message?: unknown; formatted?: unknown };
  message?: unknown;
  transaction?: unknown;
}

/** `value` when it is a non-empty string. */
export function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** `value` when it is a plain object. */
export function readObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The exceptions of an event, oldest first (as sent); non-objects are skipped. */
export function readExceptions(event: EventShape): ExceptionShape[] {
  const values = readObject(event.exception)?.['values'];
  return Array.isArray(values)
    ? values.filter((value): value is ExceptionShape => readObject(value) !== undefined)
    : [];
}

/** The frames of an exception, caller first (as sent); non-objects are skipped. */
export function readFrames(exception: ExceptionShape): FrameShape[] {
  const frames = readObject(exception.stacktrace)?.['frames'];
  return Array.isArray(frames)
    ? frames.filter((frame): frame is FrameShape => readObject(frame) !== undefined)
    : [];
}

/** The message of a message event: the template when there is one, so parameters do not split issues. */
export function readMessage(event: EventShape): string | undefined {
  const logentry = readObject(event.logentry);
  return (
    readString(logentry?.['message']) ??
    readString(logentry?.['formatted']) ??
    readString(event.message) ??
    readString(readObject(event.message)?.['message'])
  );
}

/** The frame an exception comes from: the top in-app frame, else the top frame (frames are caller first). */
export function readTopFrame(exception: ExceptionShape): FrameShape | undefined {
  const frames = readFrames(exception);
  return frames.filter((frame) => frame.in_app === true).pop() ?? frames[frames.length - 1];
}
