import { createHash } from 'node:crypto';
import {
  readExceptions,
  readMessage,
  readString,
  readTopFrame,
  type EventShape,
  type ExceptionShape,
  type FrameShape,
} from './event-shape';

const DEFAULT_FINGERPRINT = '{{ default }}';

/**
 * The issue an error event belongs to, as a short stable id. Like Sentry: by `fingerprint` when
 * the event sets one (where `{{ default }}` stands for the default grouping); else by the type of
 * the exception that was thrown plus its top in-app frame (function and file); else by message.
 */
export function getGroupKey(event: EventShape): string {
  return hashComponents(getGroupingComponents(event));
}

/** What an event is grouped by, before hashing (readable, for tests and debugging). */
export function getGroupingComponents(event: EventShape): string[] {
  const fingerprint = Array.isArray(event.fingerprint)
    ? event.fingerprint.filter((part): part is string => typeof part === 'string')
    : [];
  const custom = fingerprint.filter((part) => part !== DEFAULT_FINGERPRINT);
  if (custom.length === 0) return getDefaultComponents(event);
  return fingerprint.flatMap((part) =>
    part === DEFAULT_FINGERPRINT ? getDefaultComponents(event) : [`fingerprint:${part}`],
  );
}

function getDefaultComponents(event: EventShape): string[] {
  const thrown = readExceptions(event).pop();
  if (thrown) return getExceptionComponents(thrown);
  const message = readMessage(event);
  if (message) return [`message:${message}`];
  return [`transaction:${readString(event.transaction) ?? '<unknown>'}`];
}

function getExceptionComponents(exception: ExceptionShape): string[] {
  const type = readString(exception.type) ?? 'Error';
  const frame = readTopFrame(exception);
  if (!frame) return [`type:${type}`, `value:${readString(exception.value) ?? ''}`];
  return [`type:${type}`, `function:${readString(frame.function) ?? '?'}`, `file:${getFrameFile(frame)}`];
}

/** The file of a frame without what varies between runs and hosts: origin, query and hash of URLs. */
export function getFrameFile(frame: FrameShape): string {
  const file = readString(frame.filename) ?? readString(frame.abs_path) ?? readString(frame.module) ?? '?';
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)/i.exec(file);
  return url?.[1] ?? file;
}

function hashComponents(components: string[]): string {
  return createHash('sha256').update(components.join('\n')).digest('hex').slice(0, 16);
}
