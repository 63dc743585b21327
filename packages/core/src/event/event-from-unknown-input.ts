import { isError, isEventLike, readProperty } from '../lib';
import type { Event, EventHint, Exception, Mechanism, StackParser } from '../types';
import { addExceptionMechanism } from './add-exception-mechanism';
import { exceptionFromError, parseStackFrames } from './exception-from-error';
import { getClassName, toStringTag } from './inspect';
import { createNormalizer, type Normalizer } from './normalize';
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

function describeEvent(value: object, normalizer: Normalizer): Synthetic {
  const type = readProperty(value, 'type');
  const name = getClassName(value) ?? /^\[object (\w+)\]$/.exec(toStringTag(value) ?? '')?.[1] ?? 'Event';
  const typeText = typeof type === 'string' ? ` (type=${type})` : '';
  return {
    exception: { type: 'Event', value: `Event \`${name}\`${typeText} captured as exception` },
    serialized: normalizeToSizeWith(normalizer, value, SERIALIZED_DEPTH, SERIALIZED_MAX_BYTES),
  };
}

function describeObject(value: object, normalizer: Normalizer): Synthetic {
  const top = normalizer(value, 1);
  if (top === null || typeof top !== 'object') {
    return { exception: { type: 'Error', value: `Non-Error exception captured with value: ${String(top)}` } };
  }
  const serialized = normalizeToSizeWith(normalizer, value, SERIALIZED_DEPTH, SERIALIZED_MAX_BYTES);
  const fields = top as Record<string, unknown>;
  if (typeof fields['message'] === 'string') {
    const name = fields['name'];
    const type = typeof name === 'string' && name ? name : (getClassName(value) ?? 'Error');
    return { exception: { type, value: fields['message'] }, stack: fields['stack'], serialized };
  }
  const keys = Object.keys(top)
    .filter((key) => key !== '[MaxProperties ~]')
    .sort();
  const list = keys.length ? truncate(keys.join(', '), MAX_KEYS_LENGTH) : '[object has no keys]';
  const what = Array.isArray(value) ? 'Array' : (getClassName(value) ?? 'Object');
  return {
    exception: { type: 'Error', value: `${what} captured as exception with keys: ${list}` },
    serialized,
  };
}

function describePrimitive(value: unknown): Synthetic {
  const text = typeof value === 'undefined' ? 'undefined' : JSON.stringify(createNormalizer()(value, 0));
  return { exception: { type: 'Error', value: `Non-Error exception captured with value: ${text}` } };
}

function describeThrownValue(exception: unknown): Synthetic {
  if (typeof exception === 'string') return { exception: { type: 'Error', value: exception } };
  if (exception === null || typeof exception !== 'object') return describePrimitive(exception);
  const normalizer = createNormalizer();
  const tag = toStringTag(exception);
  return isEventLike(exception) || tag === '[object ErrorEvent]'
    ? describeEvent(exception, normalizer)
    : describeObject(exception, normalizer);
}

function errorInside(exception: unknown): Error | undefined {
  if (isError(exception)) return exception;
  if (exception === null || typeof exception !== 'object') return undefined;
  if (!isEventLike(exception) && toStringTag(exception) !== '[object ErrorEvent]') return undefined;
  const inner = readProperty(exception, 'error');
  return isError(inner) ? inner : undefined;
}

function buildEvent(
  stackParser: StackParser,
  exception: unknown,
  hint: EventHint | undefined,
  attachStacktrace: boolean,
): Event {
  const error = errorInside(exception);
  if (error) return { exception: { values: [exceptionFromError(stackParser, error)] } };
  const synthetic = describeThrownValue(exception);
  const result = synthetic.exception;
  let frames = parseStackFrames(stackParser, synthetic.stack);
  if (!frames.length && attachStacktrace) {
    frames = parseStackFrames(stackParser, readProperty(readProperty(hint, 'syntheticException'), 'stack'));
  }
  if (frames.length) result.stacktrace = { frames };
  result.mechanism = { type: 'generic', synthetic: true };
  const event: Event = { exception: { values: [result] } };
  if (synthetic.serialized !== undefined) event.extra = { __serialized__: synthetic.serialized };
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
    event = {
      exception: {
        values: [
          { type: 'Error', value: 'Unreadable exception', mechanism: { type: 'generic', synthetic: true } },
        ],
      },
    };
  }
  event.level = 'error';
  addExceptionMechanism(event, hintMechanism(hint));
  return event;
}

function hintMechanism(hint: EventHint | undefined): Partial<Mechanism> | undefined {
  const mechanism = readProperty(hint, 'mechanism');
  try {
    return mechanism && typeof mechanism === 'object' ? { ...(mechanism as Partial<Mechanism>) } : undefined;
  } catch {
    return undefined;
  }
}
