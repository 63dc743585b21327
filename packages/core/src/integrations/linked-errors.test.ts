import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import { exceptionFromError } from '../event';
import type { Client, Event, StackFrame, StackParser } from '../types';
import { linkedErrorsIntegration, type LinkedErrorsOptions } from './linked-errors';

// Core compiles against ES2020, which types neither `cause` nor AggregateError; Node 20 has both.
type CausedErrorConstructor = new (message?: string, options?: { cause?: unknown }) => Error;
const CausedError = Error as unknown as CausedErrorConstructor;
const CausedTypeError = TypeError as unknown as CausedErrorConstructor;
const CausedRangeError = RangeError as unknown as CausedErrorConstructor;
const { AggregateError } = globalThis as unknown as { AggregateError: new (errors: unknown[], message?: string) => Error };

// Enough of V8's format for these tests: `at fn (file:line:col)`, newest first, turned oldest first.
const stackParser: StackParser = (stack) =>
  stack
    .split('\n')
    .map((line) => /at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line.trim()))
    .filter((match) => match !== null)
      .map((match): StackFrame => ({ function: match[1] ?? '?', filename: match[2] ?? '?', lineno: Number(match[3]), colno: Number(match[4]) }))
    .reverse();

const client = { getOptions: () => ({ stackParser }) } as unknown as Client;

/** The event the pipeline builds for a thrown error, after the linked errors ran over it. */
function captured(error: unknown, options?: LinkedErrorsOptions): Event {
  const event: Event = {
    event_id: 'a'.repeat(32),
    level: 'error',
    platform: 'node',
    exception: { values: [{ ...exceptionFromError(stackParser, error as Error), mechanism: { type: 'generic', handled: true } }] },
  };
  linkedErrorsIntegration(options).preprocessEvent!(event, { originalException: error }, client);
  assertValidEvent(event);
  return event;
}

const summary = (event: Event): unknown[] =>
  event.exception!.values!.map(({ value, mechanism }) => [value, mechanism?.exception_id, mechanism?.parent_id, mechanism?.source]);

function chain(length: number): Error {
  let error = new Error('e0');
  for (let i = 1; i < length; i++) error = new CausedError(`e${i}`, { cause: error });
  return error;
}

describe('linkedErrorsIntegration', () => {
  it('lists the cause chain root cause first, the thrown error last with exception_id 0', () => {
    const event = captured(new CausedError('top', { cause: new CausedTypeError('mid', { cause: new CausedRangeError('root') }) }));
    expect(summary(event)).toEqual([
      ['root', 2, 1, 'cause'],
      ['mid', 1, 0, 'cause'],
      ['top', 0, undefined, undefined],
    ]);
    expect(event.exception!.values!.map((value) => value.type)).toEqual(['RangeError', 'TypeError', 'Error']);
    const [root, , top] = event.exception!.values!;
    expect(top!.mechanism).toMatchObject({ type: 'generic', handled: true });
    expect(root!.mechanism!.type).toBe('chained');
    expect(root!.stacktrace!.frames!.length).toBeGreaterThan(0);
  });

  it('stops after `limit` linked errors', () => {
    expect(captured(chain(10)).exception!.values).toHaveLength(6);
    expect(captured(chain(10), { limit: 2 }).exception!.values!.map((value) => value.value)).toEqual(['e7', 'e8', 'e9']);
    expect(captured(chain(10), { limit: 0 }).exception!.values).toHaveLength(1);
  });

  it('follows another key when asked', () => {
    const error = Object.assign(new Error('outer'), { reason: new Error('inner') });
    expect(summary(captured(error, { key: 'reason' }))).toEqual([
      ['inner', 1, 0, 'reason'],
      ['outer', 0, undefined, undefined],
    ]);
    expect(captured(error).exception!.values).toHaveLength(1);
  });

  it('turns AggregateError members into an exception group, recursively', () => {
    const error = new AggregateError([new Error('a'), 'not an error', new CausedError('c', { cause: new Error('d') })], 'many');
    const event = captured(error);
    expect(summary(event)).toEqual([
      ['d', 3, 2, 'cause'],
      ['c', 2, 0, 'errors[2]'],
      ['a', 1, 0, 'errors[0]'],
      ['many', 0, undefined, undefined],
    ]);
    expect(event.exception!.values!.at(-1)!.mechanism!.is_exception_group).toBe(true);
    expect(event.exception!.values![0]!.mechanism!.is_exception_group).toBeUndefined();
    const nested = captured(new AggregateError([new AggregateError([new Error('x')], 'inner')], 'outer'));
    expect(nested.exception!.values!.map((value) => [value.value, value.mechanism?.is_exception_group])).toEqual([
      ['x', undefined],
      ['inner', true],
      ['outer', true],
    ]);
  });

  it('stops at a cycle in the cause chain', () => {
    const a = new Error('a');
    const b = new CausedError('b', { cause: a });
    (a as Error & { cause: unknown }).cause = b;
    expect(summary(captured(a))).toEqual([
      ['b', 1, 0, 'cause'],
      ['a', 0, undefined, undefined],
    ]);
    const self = new Error('self');
    (self as Error & { cause: unknown }).cause = self;
    expect(captured(self).exception!.values).toHaveLength(1);
  });

  it('stops where a getter throws, without throwing', () => {
    const error = new Error('top');
    Object.defineProperty(error, 'cause', {
      get() {
        throw new Error('getter');
      },
    });
    expect(captured(error).exception!.values).toHaveLength(1);
    const group = new AggregateError([], 'group');
    Object.defineProperty(group, 'errors', {
      get() {
        throw new Error('getter');
      },
    });
    expect(summary(captured(group))).toEqual([['group', 0, undefined, undefined]]);
    const hostileCause = new Proxy(new Error('cause'), {
      get() {
        throw new Error('trap');
      },
    });
    expect(captured(new CausedError('top', { cause: hostileCause })).exception!.values!.map((value) => value.type)).toEqual(['Error', 'Error']);
  });

  it('ignores causes that are not errors', () => {
    expect(captured(new CausedError('top', { cause: 'a string' })).exception!.values).toHaveLength(1);
  });

  it('leaves events alone that have no exception, a non-error or an existing group', () => {
    const message: Event = { event_id: 'b'.repeat(32), logentry: { message: 'hi' } };
    linkedErrorsIntegration().preprocessEvent!(message, { originalException: new CausedError('x', { cause: new Error('y') }) }, client);
    expect(message.exception).toBeUndefined();

    const fromString: Event = { exception: { values: [{ type: 'Error', value: 'thrown string' }] } };
    linkedErrorsIntegration().preprocessEvent!(fromString, { originalException: 'thrown string' }, client);
    expect(fromString.exception!.values).toHaveLength(1);

    const linked: Event = { exception: { values: [{ type: 'Error', value: 'x', mechanism: { type: 'generic', exception_id: 0 } }] } };
    linkedErrorsIntegration().preprocessEvent!(linked, { originalException: new CausedError('x', { cause: new Error('y') }) }, client);
    expect(linked.exception!.values).toHaveLength(1);
  });
});
