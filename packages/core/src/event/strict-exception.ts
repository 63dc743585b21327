import type { Breadcrumb, Exception, Mechanism, StackFrame } from '../types';
import { toEventLevel } from './event-from-message';
import type { Normalizer } from './normalize';
import {
  boolean,
  fields,
  pickTyped,
  type Shape,
  string,
  strings,
  threadId,
  timestamp,
  uint,
  uuid,
} from './pick-typed';
import { nonEmpty, ownEntries, toRecord } from './strict-maps';
import { truncate } from './truncate';

/** What the strict forms need: one normalizer for the whole event and the limits. */
export interface StrictContext {
  normalizer: Normalizer;
  depth: number;
  maxValueLength: number;
}

/** A `{ values }` container's list, accepting the bare array the docs allow and the schema does not. */
export function valuesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const values = ownEntries(value)?.find(([key]) => key === 'values')?.[1];
  return Array.isArray(values) ? values : [];
}

/** A data bag normalized to the context's depth; `undefined` unless it is a non-empty object. */
export function toBag(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  return nonEmpty(toRecord(context.normalizer(value, context.depth)));
}

/** A string for a field that must be one: non-strings as their normalized JSON text, cut at maxValueLength. */
export function toText(value: unknown, context: StrictContext): string | undefined {
  if (value === undefined || value === null) return undefined;
  const normalized = typeof value === 'string' ? value : context.normalizer(value, 1);
  return truncate(
    typeof normalized === 'string' ? normalized : JSON.stringify(normalized),
    context.maxValueLength,
  );
}

const FRAME: Shape = {
  ...fields('lineno colno', uint),
  ...fields('in_app stack_start', boolean),
  ...fields(
    'filename abs_path function raw_function module package platform context_line symbol addr_mode instruction_addr function_id image_addr symbol_addr',
    string,
  ),
  ...fields('pre_context post_context', strings),
  vars: toBag,
};

/** A stack trace with only the schema's frame fields, correctly typed; `undefined` without frames. */
export function toStrictStacktrace(
  value: unknown,
  context: StrictContext,
): { frames: StackFrame[] } | undefined {
  const frames = valuesOf(toRecord(value)?.['frames']).flatMap(
    (frame) => pickTyped(frame, FRAME, context) ?? [],
  );
  return frames.length ? { frames: frames as StackFrame[] } : undefined;
}

const MECHANISM: Shape = {
  ...fields('type source description help_link', string),
  ...fields('handled synthetic is_exception_group', boolean),
  ...fields('exception_id parent_id', uint),
  data: toBag,
};

function toStrictMechanism(value: unknown, context: StrictContext): Mechanism | undefined {
  const mechanism = pickTyped(value, MECHANISM, context);
  if (mechanism && !mechanism['type']) mechanism['type'] = 'generic';
  return mechanism as Mechanism | undefined;
}

const EXCEPTION: Shape = {
  type: toText,
  value: toText,
  module: string,
  thread_id: threadId,
  stacktrace: toStrictStacktrace,
  mechanism: toStrictMechanism,
};

/** One exception with string type/value (value cut at maxValueLength), frames and mechanism as the schema wants them. */
export function toStrictException(value: unknown, context: StrictContext): Exception | undefined {
  const exception = pickTyped(value, EXCEPTION, context);
  return exception && (exception['type'] !== undefined || exception['value'] !== undefined)
    ? exception
    : undefined;
}

const THREAD: Shape = {
  id: threadId,
  ...fields('name state', string),
  ...fields('crashed current main', boolean),
  stacktrace: toStrictStacktrace,
};

/** One thread of a `threads` list (e.g. a message's attached stack). */
export const toStrictThread = (value: unknown, context: StrictContext): Record<string, unknown> | undefined =>
  pickTyped(value, THREAD, context);

const BREADCRUMB: Shape = {
  ...fields('type category', string),
  message: toText,
  level: toEventLevel,
  data: toBag,
  timestamp,
  event_id: uuid,
};

/** One breadcrumb with only the schema's fields, level `log` as `info`, data normalized to depth. */
export const toStrictBreadcrumb = (value: unknown, context: StrictContext): Breadcrumb | undefined =>
  pickTyped(value, BREADCRUMB, context);
