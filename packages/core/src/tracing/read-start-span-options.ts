import { DEBUG_BUILD, debug, readProperty } from '../lib';
import { Scope } from '../scope';
import type { CreateSpanOptions } from './create-span';
import type { Span, SpanAttributes, StartSpanOptions } from './types';

/** A plain copy of the readable own attributes (a Proxy or throwing getter loses only what cannot be read). */
function copyAttributes(attributes: object): SpanAttributes {
  const copy: SpanAttributes = {};
  let keys: string[] = [];
  try {
    keys = Object.keys(attributes);
  } catch {
    DEBUG_BUILD && debug.warn('options.attributes could not be read; ignored');
  }
  for (const key of keys) {
    const value = readProperty(attributes, key);
    if (value !== undefined) copy[key] = value as SpanAttributes[string];
  }
  return copy;
}

function isSpanLike(value: unknown): value is Span {
  return (
    value !== null && typeof value === 'object' && typeof readProperty(value, 'spanContext') === 'function'
  );
}

/**
 * The span options users passed, checked once: fields of the wrong type are dropped (with a debug
 * message naming them) and hostile objects never make span creation throw.
 */
export function readStartSpanOptions(
  options: StartSpanOptions | undefined,
  caller: string,
): CreateSpanOptions & { scope?: Scope } {
  if (options === null || typeof options !== 'object') {
    DEBUG_BUILD &&
      debug.warn(`${caller}: the options must be an object with a name; a span without a name is started`);
    return { name: '' };
  }
  const name = readProperty(options, 'name');
  const result: CreateSpanOptions & { scope?: Scope } = { name: typeof name === 'string' ? name : '' };
  if (typeof name !== 'string') DEBUG_BUILD && debug.warn(`${caller}: options.name must be a string`);
  const op = readProperty(options, 'op');
  if (typeof op === 'string') result.op = op;
  const attributes = readProperty(options, 'attributes');
  if (attributes !== null && typeof attributes === 'object') result.attributes = copyAttributes(attributes);
  const startTime = readProperty(options, 'startTime');
  if (typeof startTime === 'number' || startTime instanceof Date) result.startTime = startTime;
  const parentSpan = readProperty(options, 'parentSpan');
  if (parentSpan === null || isSpanLike(parentSpan)) result.parentSpan = parentSpan;
  else if (parentSpan !== undefined)
    DEBUG_BUILD && debug.warn(`${caller}: options.parentSpan is not a span; ignored`);
  if (readProperty(options, 'forceTransaction') === true) result.forceTransaction = true;
  if (readProperty(options, 'onlyIfParent') === true) result.onlyIfParent = true;
  const scope = readProperty(options, 'scope');
  if (scope instanceof Scope) result.scope = scope;
  else if (scope !== undefined) DEBUG_BUILD && debug.warn(`${caller}: options.scope is not a Scope; ignored`);
  return result;
}
