import type { Breadcrumb, Exception, Mechanism, StackFrame } from '../types';
import { toEventLevel } from './event-from-message';
import type { Normalizer } from './normalize';
import {
  boolean,
  type FieldKind,
  shape,
  shaped,
  string,
  strings,
  threadId,
  timestamp,
  uint,
  uuid,
} from './pick-typed';
import { nonEmpty, toJsonText, toRecord } from './strict-maps';
import { truncate } from './truncate';

/** What the strict forms need: one normalizer for the whole event and the limits. */
export interface StrictContext {
  normalizer: Normalizer;
  depth: number;
  maxValueLength: number;
}

/** A `{ values }` container's list, accepting the bare array the docs allow and the schema does not. */
function valuesOf(value: unknown): unknown[] {
  const values = Array.isArray(value) ? value : toRecord(value)?.['values'];
  return Array.isArray(values) ? values : [];
}

/** A list of the items `item` keeps, under `key` (`values` unless given); left out when none is kept. */
export const listOf =
  (item: FieldKind, key = 'values'): FieldKind =>
  (value, context) => {
    const items = valuesOf(value).flatMap((entry) => item(entry, context) ?? []);
    return items.length ? { [key]: items } : undefined;
  };

/** A data bag normalized to the context's depth; `undefined` unless it is a non-empty object. */
export function toBag(value: unknown, context: StrictContext): Record<string, unknown> | undefined {
  return nonEmpty(toRecord(context.normalizer(value, context.depth)));
}

/** A string for a field that must be one: non-strings as their normalized JSON text, cut at maxValueLength. */
export function toText(value: unknown, context: StrictContext): string | undefined {
  if (value === undefined || value === null) return undefined;
  // a string normalizes to itself: this normalizer cuts no strings
  return truncate(toJsonText(value, context.normalizer, 1), context.maxValueLength);
}

const frames = listOf(
  shaped(
    shape(
      ['lineno colno', uint],
      ['in_app stack_start', boolean],
      [
        'filename abs_path function raw_function module package platform context_line symbol addr_mode instruction_addr function_id image_addr symbol_addr',
        string,
      ],
      ['pre_context post_context', strings],
      ['vars', toBag],
    ),
    true,
  ),
  'frames',
);

/** A stack trace with only the schema's frame fields, correctly typed; `undefined` without frames. */
export const toStrictStacktrace = (
  value: unknown,
  context: StrictContext,
): { frames: StackFrame[] } | undefined =>
  frames(toRecord(value)?.['frames'], context) as { frames: StackFrame[] } | undefined;

const mechanism = shaped(
  shape(
    ['type source description help_link', string],
    ['handled synthetic is_exception_group', boolean],
    ['exception_id parent_id', uint],
    ['data', toBag],
  ),
  true,
);

const exception = shaped(
  shape(
    ['type value', toText],
    ['module', string],
    ['thread_id', threadId],
    ['stacktrace', toStrictStacktrace],
    [
      'mechanism',
      (value, context) => {
        const picked = mechanism(value, context) as Mechanism | undefined;
        if (picked && !picked.type) picked.type = 'generic';
        return picked;
      },
    ],
  ),
  true,
);

/** One exception with string type/value (value cut at maxValueLength), frames and mechanism as the schema wants them. */
export function toStrictException(value: unknown, context: StrictContext): Exception | undefined {
  const picked = exception(value, context) as Exception | undefined;
  return picked && (picked.type !== undefined || picked.value !== undefined) ? picked : undefined;
}

/** One thread of a `threads` list (e.g. a message's attached stack). */
export const toStrictThread = shaped(
  shape(
    ['id', threadId],
    ['name state', string],
    ['crashed current main', boolean],
    ['stacktrace', toStrictStacktrace],
  ),
  true,
);

/** One breadcrumb with only the schema's fields, level `log` as `info`, data normalized to depth. */
export const toStrictBreadcrumb = shaped(
  shape(
    ['type category', string],
    ['message', toText],
    ['level', toEventLevel],
    ['data', toBag],
    ['timestamp', timestamp],
    ['event_id', uuid],
  ),
  true,
) as (value: unknown, context: StrictContext) => Breadcrumb | undefined;
