import { assertValidEvent } from '@sentry-sdk/test-utils';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { StackFrame, StackParser } from '../types';
import { eventFromUnknownInput } from './event-from-unknown-input';
import { exceptionFromError } from './exception-from-error';

// Core compiles against ES2020, which does not type AggregateError.
declare const AggregateError: new (errors: unknown[], message?: string) => Error;

// A small V8 parser, oldest frame first, as the runtime packages supply one.
const parser: StackParser = (stack, skip = 0) =>
  stack
    .split('\n')
    .slice(1 + skip)
    .map((line): StackFrame | undefined => {
      const match = /at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line.trim());
      return match
        ? {
            function: match[1] ?? '?',
            filename: match[2] ?? '',
            lineno: Number(match[3]),
            colno: Number(match[4]),
          }
        : undefined;
    })
    .filter((frame): frame is StackFrame => frame !== undefined)
    .reverse();

function lastException(event: ReturnType<typeof eventFromUnknownInput>) {
  const values = event.exception?.values ?? [];
  return values[values.length - 1]!;
}

describe('exceptionFromError', () => {
  it('takes type, value and frames (oldest first, throwing frame last) from the error', () => {
    const error = new RangeError('out of range');
    const exception = exceptionFromError(parser, error);
    expect(exception.type).toBe('RangeError');
    expect(exception.value).toBe('out of range');
    const frames = exception.stacktrace?.frames ?? [];
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[frames.length - 1]?.filename).toContain('event-from-unknown-input.test.ts');
  });

  it('omits the stack trace when the parser finds no frames or throws', () => {
    const throwing: StackParser = () => {
      throw new Error('parser bug');
    };
    expect(exceptionFromError(() => [], new Error('x')).stacktrace).toBeUndefined();
    expect(exceptionFromError(throwing, new Error('x'))).toEqual({ type: 'Error', value: 'x' });
  });

  it('falls back to the class name when name is not a string', () => {
    class CustomFailure extends Error {}
    const error = new CustomFailure('m');
    Object.defineProperty(error, 'name', { value: 42 });
    expect(exceptionFromError(parser, error).type).toBe('CustomFailure');
  });
});

describe('eventFromUnknownInput', () => {
  it('builds an error event for an Error subclass with the generic handled mechanism', () => {
    class PaymentError extends Error {
      override name = 'PaymentError';
    }
    const event = eventFromUnknownInput(parser, new PaymentError('card declined'));
    assertValidEvent(event);
    expect(event.level).toBe('error');
    expect(lastException(event)).toMatchObject({
      type: 'PaymentError',
      value: 'card declined',
      mechanism: { type: 'generic', handled: true },
    });
    expect(lastException(event).mechanism?.synthetic).toBeUndefined();
  });

  it('lets the hint mechanism override the defaults', () => {
    const event = eventFromUnknownInput(parser, new Error('x'), {
      mechanism: { type: 'auto.node.onuncaughtexception', handled: false },
    });
    assertValidEvent(event);
    expect(lastException(event).mechanism).toEqual({ type: 'auto.node.onuncaughtexception', handled: false });
  });

  it('reads an Error from another realm', () => {
    const foreign = runInNewContext('new TypeError("from vm")') as unknown;
    const event = eventFromUnknownInput(parser, foreign);
    assertValidEvent(event);
    expect(lastException(event)).toMatchObject({ type: 'TypeError', value: 'from vm' });
  });

  it('keeps the AggregateError itself as the thrown exception', () => {
    const event = eventFromUnknownInput(parser, new AggregateError([new Error('a')], 'several failed'));
    assertValidEvent(event);
    expect(lastException(event)).toMatchObject({ type: 'AggregateError', value: 'several failed' });
  });

  it('survives an error whose message, stack and name getters throw', () => {
    const error = new Error('hidden');
    // stack first: V8 formats the stack lazily and would call the other getters while doing so
    for (const key of ['stack', 'message', 'name']) {
      Object.defineProperty(error, key, {
        get() {
          throw new Error(`${key} getter`);
        },
      });
    }
    const event = eventFromUnknownInput(parser, error);
    assertValidEvent(event);
    expect(lastException(event).type).toBe('Error');
    expect(lastException(event).value).toBeUndefined();
  });

  it('turns a string into a synthetic Error with the stack of the synthetic exception when asked', () => {
    const syntheticException = new Error('synthetic');
    const withStack = eventFromUnknownInput(parser, 'plain text', { syntheticException }, true);
    assertValidEvent(withStack);
    expect(lastException(withStack)).toMatchObject({
      type: 'Error',
      value: 'plain text',
      mechanism: { synthetic: true },
    });
    expect(lastException(withStack).stacktrace?.frames?.length).toBeGreaterThan(0);

    const withoutStack = eventFromUnknownInput(parser, 'plain text', { syntheticException }, false);
    expect(lastException(withoutStack).stacktrace).toBeUndefined();
  });

  it('describes a plain object by its keys and keeps it under extra.__serialized__', () => {
    const event = eventFromUnknownInput(parser, { c: 3, a: 1, b: { deep: true } });
    assertValidEvent(event);
    expect(lastException(event)).toMatchObject({
      type: 'Error',
      value: 'Object captured as exception with keys: a, b, c',
      mechanism: { type: 'generic', handled: true, synthetic: true },
    });
    expect(event.extra?.['__serialized__']).toEqual({ c: 3, a: 1, b: { deep: true } });
  });

  it('names the class of a thrown class instance, and says when an object has no keys', () => {
    class Rejection {
      code = 7;
    }
    expect(lastException(eventFromUnknownInput(parser, new Rejection())).value).toBe(
      'Rejection captured as exception with keys: code',
    );
    expect(lastException(eventFromUnknownInput(parser, {})).value).toBe(
      'Object captured as exception with keys: [object has no keys]',
    );
  });

  it('uses the message (and name, stack) of an error-like object', () => {
    const stack = new Error('like').stack;
    const event = eventFromUnknownInput(parser, { name: 'ApiError', message: 'quota exceeded', stack });
    assertValidEvent(event);
    expect(lastException(event)).toMatchObject({
      type: 'ApiError',
      value: 'quota exceeded',
      mechanism: { synthetic: true },
    });
    expect(lastException(event).stacktrace?.frames?.length).toBeGreaterThan(0);
  });

  it('takes frames from the stack of an object only when it also has a message', () => {
    const stack = new Error('like').stack;
    const event = eventFromUnknownInput(parser, { code: 7, stack });
    expect(lastException(event).value).toBe('Object captured as exception with keys: code, stack');
    expect(lastException(event).stacktrace).toBeUndefined();
  });

  it('runs the getters of a thrown object once', () => {
    let calls = 0;
    const thrown = Object.defineProperty({}, 'message', {
      enumerable: true,
      get() {
        calls++;
        return 'counted';
      },
    });
    expect(lastException(eventFromUnknownInput(parser, thrown)).value).toBe('counted');
    expect(calls).toBe(1);
  });

  it.each([
    ['null', null, 'Non-Error exception captured with value: null'],
    ['undefined', undefined, 'Non-Error exception captured with value: undefined'],
    ['a number', 42, 'Non-Error exception captured with value: 42'],
    ['NaN', NaN, 'Non-Error exception captured with value: "[NaN]"'],
    ['a symbol', Symbol('s'), 'Non-Error exception captured with value: "[Symbol(s)]"'],
    ['a bigint', 10n, 'Non-Error exception captured with value: "[BigInt: 10]"'],
    ['a boolean', false, 'Non-Error exception captured with value: false'],
    [
      'a function',
      function thrower(): void {},
      'Non-Error exception captured with value: "[Function: thrower]"',
    ],
  ])('describes %s as a synthetic Error', (_name, thrown, value) => {
    const event = eventFromUnknownInput(parser, thrown);
    assertValidEvent(event);
    expect(lastException(event)).toMatchObject({
      type: 'Error',
      value,
      mechanism: { synthetic: true, handled: true },
    });
  });

  it('unwraps the error of an ErrorEvent-like event and describes events without one', () => {
    class ErrorEvent {
      type = 'error';
      target = null;
      currentTarget = null;
      constructor(public error?: unknown) {}
    }
    const wrapped = eventFromUnknownInput(parser, new ErrorEvent(new SyntaxError('bad token')));
    assertValidEvent(wrapped);
    expect(lastException(wrapped)).toMatchObject({ type: 'SyntaxError', value: 'bad token' });

    const bare = eventFromUnknownInput(parser, new ErrorEvent());
    assertValidEvent(bare);
    expect(lastException(bare)).toMatchObject({
      value: 'Event `ErrorEvent` (type=error) captured as exception',
      mechanism: { synthetic: true },
    });
  });

  it('never throws for a revoked Proxy or a Proxy whose traps throw', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const trap = (): never => {
      throw new Error('trap');
    };
    const hostile = new Proxy(
      {},
      { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap },
    );
    for (const thrown of [proxy, hostile]) {
      const event = eventFromUnknownInput(parser, thrown, { mechanism: hostile }, true);
      assertValidEvent(event);
      expect(lastException(event).mechanism).toMatchObject({ type: 'generic', handled: true });
    }
  });
});
