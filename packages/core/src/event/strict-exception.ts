import type { Breadcrumb, Exception, Mechanism, StackFrame } from '../types';
import { toEventLevel } from './event-from-message';
import type { Normalizer } from './normalize';
import { type FieldKind, pickTyped, toRecord } from './pick-typed';
import { ownEntries } from './strict-maps';
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
  const normalized = context.normalizer(value, context.depth);
  return normalized &&
    typeof normalized === 'object' &&
    !Array.isArray(normalized) &&
    Object.keys(normalized).length
    ? normalized
    : undefined;
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

const threadId = (value: unknown): unknown =>
  typeof value === 'string' || (Number.isSafeInteger(value) && (value as number) >= 0) ? value : undefined;

function frameShape(context: StrictContext): Record<string, FieldKind> {
  const shape: Record<string, FieldKind> = {
    lineno: 'uint',
    colno: 'uint',
    in_app: 'boolean',
    stack_start: 'boolean',
  };
  for (const key of [
    'filename',
    'abs_path',
    'function',
    'raw_function',
    'module',
    'package',
    'platform',
    'context_line',
    'symbol',
    'addr_mode',
    'instruction_addr',
    'function_id',
    'image_addr',
    'symbol_addr',
  ]) {
    shape[key] = 'string';
  }
  shape['pre_context'] = 'strings';
  shape['post_context'] = 'strings';
  shape['vars'] = (vars) => toBag(vars, context);
  return shape;
}

/** A stack trace with only the schema's frame fields, correctly typed; `undefined` without frames. */
export function toStrictStacktrace(
  value: unknown,
  context: StrictContext,
): { frames: StackFrame[] } | undefined {
  const shape = frameShape(context);
  const frames = valuesOf(toRecord(value)?.['frames']).flatMap((frame) => pickTyped(frame, shape) ?? []);
  return frames.length ? { frames: frames as StackFrame[] } : undefined;
}

function toStrictMechanism(value: unknown, context: StrictContext): Mechanism | undefined {
  const mechanism = pickTyped(value, {
    type: 'string',
    handled: 'boolean',
    synthetic: 'boolean',
    is_exception_group: 'boolean',
    exception_id: 'uint',
    parent_id: 'uint',
    source: 'string',
    description: 'string',
    help_link: 'string',
    data: (data) => toBag(data, context),
  });
  if (!mechanism) return undefined;
  if (typeof mechanism['type'] !== 'string' || !mechanism['type']) mechanism['type'] = 'generic';
  return mechanism as unknown as Mechanism;
}

/** One exception with string type/value (value cut at maxValueLength), frames and mechanism as the schema wants them. */
export function toStrictException(value: unknown, context: StrictContext): Exception | undefined {
  const exception = pickTyped(value, {
    type: (type) => toText(type, context),
    value: (text) => toText(text, context),
    module: 'string',
    thread_id: threadId,
    stacktrace: (stacktrace) => toStrictStacktrace(stacktrace, context),
    mechanism: (mechanism) => toStrictMechanism(mechanism, context),
  });
  return exception && (exception['type'] !== undefined || exception['value'] !== undefined)
    ? exception
    : undefined;
}

/** One thread of a `threads` list (e.g. a message's attached stack). */
export function toStrictThread(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  return pickTyped(value, {
    id: threadId,
    name: 'string',
    crashed: 'boolean',
    current: 'boolean',
    main: 'boolean',
    state: 'string',
    stacktrace: (stacktrace) => toStrictStacktrace(stacktrace, context),
  });
}

/** One breadcrumb with only the schema's fields, level `log` as `info`, data normalized to depth. */
export function toStrictBreadcrumb(value: unknown, context: StrictContext): Breadcrumb | undefined {
  return pickTyped(value, {
    type: 'string',
    category: 'string',
    message: (message) => toText(message, context),
    level: toEventLevel,
    data: (data) => toBag(data, context),
    timestamp: 'timestamp',
    event_id: 'uuid',
  });
}
