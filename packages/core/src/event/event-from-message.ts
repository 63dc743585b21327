import { attempt, readProperty } from '../lib';
import type { Event, EventHint, SeverityLevel, StackParser } from '../types';
import { parseStackFrames } from './exception-from-error';

const LEVELS: readonly string[] = ['fatal', 'error', 'warning', 'info', 'debug'];

/** A level Relay accepts: `log` becomes `info`, `warn` becomes `warning`, anything unknown `undefined`. */
export function toEventLevel(level: unknown): SeverityLevel | undefined {
  if (level === 'log') return 'info';
  if (level === 'warn') return 'warning';
  return typeof level === 'string' && LEVELS.includes(level) ? (level as SeverityLevel) : undefined;
}

/**
 * A message event: the text under `logentry.message` (Relay's schema knows no top-level
 * `message`). With `attachStacktrace`, the stack of `hint.syntheticException` goes into the
 * current thread, where Sentry shows it without turning the message into an exception.
 */
export function eventFromMessage(
  stackParser: StackParser,
  message: string,
  level: SeverityLevel = 'info',
  hint?: EventHint,
  attachStacktrace?: boolean,
): Event {
  const text = attempt(() => String(message)) ?? '[message cannot be serialized]';
  const event: Event = { level: toEventLevel(level) ?? 'info', logentry: { message: text } };
  if (attachStacktrace === true) {
    const stack = readProperty(readProperty(hint, 'syntheticException'), 'stack');
    const frames = parseStackFrames(stackParser, stack);
    if (frames.length) {
      event.threads = { values: [{ id: 0, current: true, crashed: false, stacktrace: { frames } }] };
    }
  }
  return event;
}
