import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';

// Core compiles against ES2020, which types neither AggregateError nor the `cause` option.
declare const AggregateError: new (errors: unknown[], message?: string) => Error;
function withCause<T extends Error>(error: T, cause: unknown): T {
  Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
  return error;
}

function throwingGetter(message: string): object {
  return Object.defineProperty({ ok: 1 }, 'bad', {
    enumerable: true,
    get() {
      throw new Error(message);
    },
  });
}

describe('normalize: labels for values JSON cannot hold', () => {
  it.each([
    ['NaN', NaN, '[NaN]'],
    ['Infinity', Infinity, '[Infinity]'],
    ['-Infinity', -Infinity, '[-Infinity]'],
    ['a symbol', Symbol('x'), '[Symbol(x)]'],
    ['a bigint', 123n, '[BigInt: 123]'],
    ['a named function', function named(): void {}, '[Function: named]'],
    ['an anonymous function', (() => () => {})(), '[Function: <anonymous>]'],
    ['globalThis', globalThis, '[Global]'],
    ['undefined at the top', undefined, '[undefined]'],
    ['a Date', new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), '2024-01-02T03:04:05.000Z'],
    ['an invalid Date', new Date(NaN), '[Invalid Date]'],
    ['a RegExp', /a+b/gi, '/a+b/gi'],
    ['a Uint8Array', new Uint8Array(16), '[Uint8Array(16)]'],
    ['a Float64Array', new Float64Array(3), '[Float64Array(3)]'],
    ['an ArrayBuffer', new ArrayBuffer(8), '[ArrayBuffer(8)]'],
    ['a DataView', new DataView(new ArrayBuffer(4)), '[DataView(4)]'],
    ['a boxed number', Object(5), 5],
    ['a boxed string', Object('s'), 's'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input)).toEqual(expected);
  });

  it('turns -0 into 0', () => {
    expect(Object.is(normalize(-0), 0)).toBe(true);
  });

  it('drops undefined object members and symbol keys, and labels undefined array items', () => {
    expect(normalize({ a: undefined, b: 1, [Symbol('k')]: 2 })).toEqual({ b: 1 });
    expect(normalize([undefined, 1])).toEqual(['[undefined]', 1]);
    // eslint-disable-next-line no-sparse-arrays
    expect(normalize([1, , 3])).toEqual([1, '[undefined]', 3]);
  });

  it('marks cycles without losing the rest of the object', () => {
    const node: Record<string, unknown> = { name: 'root' };
    node['self'] = node;
    node['list'] = [node];
    expect(normalize(node)).toEqual({ name: 'root', self: '[Circular ~]', list: ['[Circular ~]'] });
  });

  it('repeats an object referenced twice without a cycle', () => {
    const shared = { v: 1 };
    expect(normalize({ a: shared, b: shared })).toEqual({ a: { v: 1 }, b: { v: 1 } });
  });
});

describe('normalize: depth and breadth', () => {
  it('labels objects, arrays and class instances below the depth by their kind', () => {
    class Widget {
      size = 1;
    }
    const input = { a: { plain: {}, list: [], widget: new Widget(), map: new Map() } };
    expect(normalize(input, 2)).toEqual({
      a: { plain: '[Object]', list: '[Array]', widget: '[Widget]', map: '[Map]' },
    });
  });

  it('labels the top value itself at depth 0 and keeps primitives at any depth', () => {
    expect(normalize({ a: 1 }, 0)).toBe('[Object]');
    expect(normalize('text', 0)).toBe('text');
  });

  it('keeps maxBreadth members and marks the rest', () => {
    expect(normalize({ a: 1, b: 2, c: 3 }, 3, 2)).toEqual({
      a: 1,
      b: 2,
      '[MaxProperties ~]': '[MaxProperties ~]',
    });
    expect(normalize([1, 2, 3], 3, 2)).toEqual([1, 2, '[MaxProperties ~]']);
    expect(normalize(new Set([1, 2, 3]), 3, 1)).toEqual([1, '[MaxProperties ~]']);
  });

  it('reads only maxBreadth elements of a huge sparse array', () => {
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    expect(normalize(huge, 3, 2)).toEqual(['[undefined]', '[undefined]', '[MaxProperties ~]']);
  });

  it('cuts strings at maxValueLength when given, anywhere in the tree', () => {
    expect(normalize({ a: ['x'.repeat(20)] }, 3, 1000, 10)).toEqual({ a: ['xxxxxxx...'] });
    expect(normalize('x'.repeat(20))).toBe('x'.repeat(20));
  });
});

describe('normalize: structured values', () => {
  it('walks an Error into name, message, stack, cause and its own properties', () => {
    const error = withCause(new TypeError('boom'), new RangeError('root')) as TypeError & { code?: string };
    error.code = 'E_BOOM';
    const result = normalize(error) as Record<string, unknown>;
    expect(result).toMatchObject({
      name: 'TypeError',
      message: 'boom',
      code: 'E_BOOM',
      cause: { name: 'RangeError', message: 'root' },
    });
    expect(result['stack']).toEqual(error.stack);
  });

  it('walks an Error from another realm like a local one', () => {
    const foreign: unknown = runInNewContext('const e = new Error("x"); e.extra = 1; e');
    expect(normalize(foreign)).toMatchObject({ name: 'Error', message: 'x', extra: 1 });
  });

  it('recognises Dates, Maps and typed arrays from another realm', () => {
    const foreign = runInNewContext(
      '({ d: new Date(0), m: new Map([["a", 1]]), t: new Int16Array(2) })',
    ) as unknown;
    expect(normalize(foreign)).toEqual({ d: '1970-01-01T00:00:00.000Z', m: { a: 1 }, t: '[Int16Array(2)]' });
  });

  it('keeps the members of an AggregateError', () => {
    const error = new AggregateError([new Error('one')], 'many');
    expect(normalize(error)).toMatchObject({
      name: 'AggregateError',
      message: 'many',
      errors: [{ message: 'one' }],
    });
  });

  it('turns a Map with string keys into an object, and one with other keys into [key, value] pairs', () => {
    expect(normalize(new Map([['a', 1]]))).toEqual({ a: 1 });
    expect(
      normalize(
        new Map<unknown, unknown>([
          [1, 'one'],
          [{ id: 2 }, 'two'],
        ]),
      ),
    ).toEqual([
      [1, 'one'],
      [{ id: 2 }, 'two'],
    ]);
  });

  it('turns a Set into an array', () => {
    expect(normalize(new Set(['a', 1]))).toEqual(['a', 1]);
  });

  it('walks class instances with their own properties only', () => {
    class Account {
      id = 7;
      get secret(): string {
        return 'not own';
      }
    }
    expect(normalize(new Account())).toEqual({ id: 7 });
  });

  it('walks frozen objects and objects without prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare['k'] = 'v';
    expect(normalize({ frozen: Object.freeze({ f: 1 }), bare })).toEqual({
      frozen: { f: 1 },
      bare: { k: 'v' },
    });
    expect(normalize({ deep: { bare } }, 2)).toEqual({ deep: { bare: '[Object]' } });
  });

  it('keeps an own "__proto__" key as data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown;
    const result = normalize(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(JSON.stringify(result)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });
});

describe('normalize: user code', () => {
  it('uses toJSON, once, and not again on what it returned', () => {
    let calls = 0;
    const inner = { toJSON: () => 'inner was not asked' };
    const value = {
      toJSON() {
        calls++;
        return { kept: inner };
      },
    };
    expect(normalize({ a: value, b: value })).toEqual({
      a: { kept: 'inner was not asked' },
      b: { kept: 'inner was not asked' },
    });
    expect(calls).toBe(1);
  });

  it('labels a throwing toJSON', () => {
    const value = {
      toJSON(): never {
        throw new Error('cannot');
      },
    };
    expect(normalize({ value })).toEqual({ value: '[Thrown: cannot]' });
  });

  it('labels a throwing getter for its key and keeps the other keys', () => {
    expect(normalize({ obj: throwingGetter('getter failed') })).toEqual({
      obj: { ok: 1, bad: '[Thrown: getter failed]' },
    });
  });

  it('runs each getter once even when the object is referenced many times', () => {
    let calls = 0;
    const counted = Object.defineProperty({}, 'value', {
      enumerable: true,
      get() {
        calls++;
        return calls;
      },
    });
    expect(normalize([counted, counted, { again: counted }])).toEqual([
      { value: 1 },
      { value: 1 },
      { again: { value: 1 } },
    ]);
    expect(calls).toBe(1);
  });

  it('walks a Proxy through its traps and labels a revoked one', () => {
    const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
    expect(normalize({ p: proxy })).toEqual({ p: { a: 1 } });
    revoke();
    expect(normalize({ p: proxy })).toEqual({ p: '[Proxy: revoked]' });
  });

  it('labels a Proxy whose traps all throw', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
        get() {
          throw new Error('no get');
        },
        getPrototypeOf() {
          throw new Error('no prototype');
        },
      },
    );
    expect(normalize({ hostile })).toEqual({ hostile: { '[Unreadable]': '[Thrown: no keys]' } });
  });

  it('survives values that throw something that is not an Error', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const weird = Object.defineProperty({}, 'x', {
      enumerable: true,
      get() {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the hostile value under test
        throw proxy;
      },
    });
    expect(normalize(weird)).toEqual({ x: '[Thrown: unknown error]' });
  });
});
