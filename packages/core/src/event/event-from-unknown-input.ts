import { attempt, isError, isEventLike, readProperty } from '../lib';
import type { Event, EventHint, Exception, Mechanism, StackFrame, StackParser } from '../types';
import { addExceptionMechanism } from './add-exception-mechanism';
import { exceptionFromError, parseStackFrames } from './exception-from-error';
import { getClassName, toStringTag } from './inspect';
import { createNormalizer } from './normalize';
import { normalizeToSizeWith } from './normalize-to-size';
import { truncate } from './truncate';

// Bounds for the copy of a thrown non-error object kept under extra.__serialized__.
const SERIALIZED_DEPTH = 3;
const SERIALIZED_MAX_BYTES = 100 * 1024;
const MAX_KEYS_LENGTH = 120;

interface Synthetic {
  exception: Exception;
  stack?: unknown;
  serialized?: unknown;
}

const nonError = (text: string): Synthetic => ({
  exception: { type: 'Error', value: `Non-Error exception captured with value: ${text}` },
});

function describeObject(value: object, eventLike: boolean): Synthetic {
  const normalizer = createNormalizer();
  let exception: Exception;
  let stack: unknown;
  if (eventLike) {
    const type = readProperty(value, 'type');
    const name = getClassName(value) ?? /^\[object (\w+)\]$/.exec(toStringTag(value) ?? '')?.[1] ?? 'Event';
    const typeText = typeof type === 'string' ? ` (type=${type})` : '';
    exception = { type: 'Event', value: `Event \`${name}\`${typeText} captured as exception` };
  } else {
    const top = normalizer(value, 1);
    if (top === null || typeof top !== 'object') return nonError(String(top));
    // `top` is our own normalized copy: reading it runs no user code.
    const { message, name } = top as Record<string, unknown>;
    if (typeof message === 'string') {
      stack = (top as Record<string, unknown>)['stack'];
      exception = {
        type: typeof name === 'string' && name ? name : (getClassName(value) ?? 'Error'),
        value: message,
      };
    } else {
      const keys = Object.keys(top)
        .filter((key) => key !== '[MaxProperties ~]')
        .sort();
      const list = keys.length ? truncate(keys.join(', '), MAX_KEYS_LENGTH) : '[object has no keys]';
      const what = Array.isArray(value) ? 'Array' : (getClassName(value) ?? 'Object');
      exception = { type: 'Error', value: `${what} captured as exception with keys: ${list}` };
    }
  }
  return {
    exception,
    stack,
    serialized: normalizeToSizeWith(normalizer, value, SERIALIZED_DEPTH, SERIALIZED_MAX_BYTES),
  };
}

function buildEvent(
  stackParser: StackParser,
  exception: unknown,
  hint: EventHint | undefined,
  attachStacktrace: boolean,
): Event {
  const isObject = exception !== null && typeof exception === 'object';
  const eventLike =
    isObject &&
    !isError(exception) &&
    (isEventLike(exception) || toStringTag(exception) === '[object ErrorEvent]');
  // An ErrorEvent carries the real error, when there is one.
  const error = eventLike ? readProperty(exception, 'error') : exception;
  if (isError(error)) return { exception: { values: [exceptionFromError(stackParser, error)] } };
  const synthetic =
    typeof exception === 'string'
      ? { exception: { type: 'Error', value: exception } }
      : isObject
        ? describeObject(exception, eventLike)
        : nonError(exception === undefined ? 'undefined' : JSON.stringify(createNormalizer()(exception, 0)));
  let frames = parseStackFrames(stackParser, synthetic.stack);
  if (!frames.length && attachStacktrace) {
    frames = parseStackFrames(stackParser, readProperty(readProperty(hint, 'syntheticException'), 'stack'));
  }
  return syntheticEvent(synthetic, frames);
}

/** The event for a value that is not an error, marked `synthetic`. */
function syntheticEvent({ exception, serialized }: Synthetic, frames: StackFrame[] = []): Event {
  if (frames.length) exception.stacktrace = { frames };
  exception.mechanism = { type: 'generic', synthetic: true };
  const event: Event = { exception: { values: [exception] } };
  if (serialized !== undefined) event.extra = { __serialized__: serialized };
  return event;
}

/**
 * An error event for anything thrown: Errors of any realm, ErrorEvents, strings, plain objects,
 * primitives. The thrown exception gets the mechanism `{ type: 'generic', handled: true, ...hint.mechanism }`;
 * values that are not errors are marked `synthetic`. Never throws.
 */
export function eventFromUnknownInput(
  stackParser: StackParser,
  exception: unknown,
  hint?: EventHint,
  attachStacktrace?: boolean,
): Event {
  let event: Event;
  try {
    event = buildEvent(stackParser, exception, hint, attachStacktrace === true);
  } catch {
    event = syntheticEvent({ exception: { type: 'Error', value: 'Unreadable exception' } });
  }
  event.level = 'error';
  addExceptionMechanism(event, hintMechanism(hint));
  return event;
}

function hintMechanism(hint: EventHint | undefined): Partial<Mechanism> | undefined {
  const mechanism = readProperty(hint, 'mechanism');
  return attempt(() =>
    mechanism && typeof mechanism === 'object' ? { ...(mechanism as Partial<Mechanism>) } : undefined,
  );
}
