import fc from 'fast-check';
import { assertValidEvent } from '@sentry-sdk/test-utils';
import { describe, expect, it } from 'vitest';
import type { StackParser } from '../types';
import { eventFromMessage } from './event-from-message';
import { eventFromUnknownInput } from './event-from-unknown-input';
import { createNormalizer, normalize } from './normalize';
import { normalizeEvent } from './normalize-event';
import { normalizeToSize } from './normalize-to-size';

// Every piece of user code the arbitraries create counts its calls here; the property resets them.
const counters = new Set<{ calls: number }>();
function counter(): { calls: number } {
  const entry = { calls: 0 };
  counters.add(entry);
  return entry;
}

class Point {
  constructor(
    public x: unknown,
    public y: unknown,
  ) {}
}

const leaf = fc.oneof(
  fc.anything({
    maxDepth: 2,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    undefined,
    globalThis,
    Symbol('s'),
    10n ** 30n,
    new Date(NaN),
  ),
  fc.constantFrom(
    /x+/g,
    new ArrayBuffer(4),
    new DataView(new ArrayBuffer(2)),
    function named(): void {},
    () => 1,
  ),
  // fast-check inspects what a map returns, so the revoked Proxy travels inside a holder.
  fc.constant(null).map(() => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return { revoked: proxy };
  }),
);

function withGetter(value: unknown, throws: boolean): object {
  const count = counter();
  return Object.defineProperty({ plain: 1 }, 'computed', {
    enumerable: true,
    get() {
      count.calls++;
      if (throws) throw new Error('getter threw');
      return value;
    },
  });
}

function withToJSON(value: unknown, throws: boolean): object {
  const count = counter();
  return {
    toJSON() {
      count.calls++;
      if (throws) throw new Error('toJSON threw');
      return value;
    },
  };
}

function countingProxy(target: object): object {
  const reads = new Map<PropertyKey, { calls: number }>();
  return new Proxy(target, {
    get(object, key, receiver) {
      if (!reads.has(key)) reads.set(key, counter());
      reads.get(key)!.calls++;
      return Reflect.get(object, key, receiver) as unknown;
    },
  });
}

function errorWith(cause: unknown, extra: unknown): Error {
  const error = new Error('failed') as Error & { extra?: unknown };
  // set as the engine sets `cause` (ES2020 types lack the option): own and not enumerable
  Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
  error.extra = extra;
  return error;
}

const { tree } = fc.letrec<{ tree: unknown; node: unknown }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('node')),
  node: fc.oneof(
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('tree'), { maxKeys: 4 }),
    fc.tuple(tie('tree'), tie('tree')).map(
      ([key, item]) =>
        new Map([
          [key, item],
          ['k', item],
        ]),
    ),
    fc.array(tie('tree'), { maxLength: 3 }).map((items) => new Set(items)),
    fc.tuple(tie('tree'), tie('tree')).map(([x, y]) => new Point(x, y)),
    fc.tuple(tie('tree'), tie('tree')).map(([cause, extra]) => errorWith(cause, extra)),
    fc.tuple(tie('tree'), fc.boolean()).map(([value, throws]) => withGetter(value, throws)),
    fc.tuple(tie('tree'), fc.boolean()).map(([value, throws]) => withToJSON(value, throws)),
    fc.dictionary(fc.string({ maxLength: 3 }), tie('tree'), { maxKeys: 3 }).map(countingProxy),
    fc
      .dictionary(fc.string({ maxLength: 3 }), tie('tree'), { maxKeys: 3 })
      .map((record) => Object.freeze(record)),
  ),
}));

/** Objects and arrays reachable in `value` (own enumerable members only), to wire cycles into. */
function containers(value: unknown, found: object[] = [], seen = new Set<unknown>()): object[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  try {
    if (Object.isFrozen(value) || (!isPlainObject(value) && !Array.isArray(value))) return found;
    found.push(value);
    for (const key of Object.keys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) containers(descriptor.value, found, seen);
    }
  } catch {
    // a revoked Proxy: not a place to wire links into
  }
  return found;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A tree with some of its objects pointing back at others: cycles and shared references. */
const graph = fc
  .tuple(tree, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }))
  .map(([root, links]) => {
    const wrapper: Record<string, unknown> = { root };
    const nodes = containers(wrapper);
    links.forEach(([from, to], index) => {
      const source = nodes[from % nodes.length] as Record<string, unknown>;
      try {
        source[`link${index}`] = nodes[to % nodes.length];
      } catch {
        // a Proxy or non-extensible container: leave it be
      }
    });
    return wrapper;
  });

function resetCounters(): void {
  for (const entry of counters) entry.calls = 0;
}

function maxCalls(): number {
  let most = 0;
  for (const entry of counters) most = Math.max(most, entry.calls);
  return most;
}

/** Depth and widest container of JSON-safe data; fails on anything that is not JSON. */
function measure(value: unknown): { depth: number; breadth: number } {
  if (value === null || typeof value === 'string' || typeof value === 'boolean')
    return { depth: 0, breadth: 0 };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not finite: ${value}`);
    return { depth: 0, breadth: 0 };
  }
  if (typeof value !== 'object') throw new Error(`not JSON: ${typeof value}`);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Array.prototype && proto !== Object.prototype) throw new Error('not a plain object or array');
  const items = Object.values(value);
  let depth = 0;
  let breadth = items.length;
  for (const item of items) {
    const inner = measure(item);
    depth = Math.max(depth, inner.depth);
    breadth = Math.max(breadth, inner.breadth);
  }
  return { depth: depth + 1, breadth };
}

const SETTINGS = { seed: 4711, numRuns: 300 };

describe('normalize (property-based)', () => {
  it('never throws and returns JSON within the depth and breadth limits, running user code at most once', () => {
    fc.assert(
      fc.property(
        graph,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        (input, depth, breadth) => {
          resetCounters();
          const output = normalize(input, depth, breadth);
          expect(maxCalls()).toBeLessThanOrEqual(1);
          const text = JSON.stringify(output);
          expect(JSON.parse(text)).toEqual(output);
          const size = measure(output);
          expect(size.depth).toBeLessThanOrEqual(depth);
          expect(size.breadth).toBeLessThanOrEqual(breadth + 1);
        },
      ),
      SETTINGS,
    );
  });

  it('marks every container cut by maxBreadth with "[MaxProperties ~]"', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 3, maxLength: 10 }),
        fc.integer({ min: 0, max: 2 }),
        (list, breadth) => {
          const asArray = normalize(list, 3, breadth) as unknown[];
          expect(asArray).toEqual([...list.slice(0, breadth), '[MaxProperties ~]']);
          const asObject = normalize(
            Object.fromEntries(list.map((item, index) => [`k${index}`, item])),
            3,
            breadth,
          );
          expect(Object.keys(asObject as object)).toHaveLength(breadth + 1);
          expect((asObject as Record<string, unknown>)['[MaxProperties ~]']).toBe('[MaxProperties ~]');
        },
      ),
      SETTINGS,
    );
  });

  it('returns JSON data unchanged when the limits allow it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const expected = JSON.parse(JSON.stringify(value)) as unknown;
        expect(normalize(value, Infinity, Infinity)).toEqual(expected);
      }),
      SETTINGS,
    );
  });

  it('normalizeToSize fits the byte budget whenever a shallower copy can, and runs user code once', () => {
    fc.assert(
      fc.property(graph, fc.integer({ min: 16, max: 400 }), (input, maxBytes) => {
        resetCounters();
        const output = normalizeToSize(input, 4, maxBytes);
        expect(maxCalls()).toBeLessThanOrEqual(1);
        const bytes = Buffer.byteLength(JSON.stringify(output));
        const flat = createNormalizer()(input, 1);
        if (Buffer.byteLength(JSON.stringify(flat)) <= maxBytes) expect(bytes).toBeLessThanOrEqual(maxBytes);
        expect(measure(output).depth).toBeLessThanOrEqual(4);
      }),
      SETTINGS,
    );
  });
});

const parser: StackParser = (stack) =>
  stack
    .split('\n')
    .slice(1)
    .map((line) => ({ function: line.trim(), filename: 'app.js', lineno: 1 }))
    .reverse();

const FIELD_NAMES = [
  'event_id',
  'timestamp',
  'level',
  'message',
  'logentry',
  'exception',
  'threads',
  'breadcrumbs',
  'user',
  'request',
  'contexts',
  'extra',
  'tags',
  'fingerprint',
  'modules',
  'sdk',
  'debug_meta',
  'transaction',
  'transaction_info',
  'type',
  'spans',
  'start_timestamp',
  'measurements',
  'platform',
  'release',
  'environment',
  'sdkProcessingMetadata',
  '_meta',
];

/** An object with some of `keys`, each holding anything (of the right type or not). */
function shaped(keys: string[], value: fc.Arbitrary<unknown> = graph): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] });
}

const frame = shaped(
  ['filename', 'function', 'lineno', 'colno', 'in_app', 'vars', 'pre_context', 'debug_id'],
  fc.oneof(graph, fc.integer(), fc.string()),
);
const stacktrace = fc.record({ frames: fc.array(frame, { maxLength: 3 }) });
const exception = fc.record(
  {
    type: fc.oneof(fc.string(), graph),
    value: fc.oneof(fc.string(), graph),
    mechanism: shaped(['type', 'handled', 'synthetic', 'data', 'exception_id', 'meta']),
    stacktrace,
    thread_id: fc.oneof(fc.integer(), graph),
  },
  { requiredKeys: [] },
);
const structured: [string, fc.Arbitrary<unknown>][] = [
  [
    'exception',
    fc.oneof(
      fc.array(exception, { maxLength: 3 }),
      fc.record({ values: fc.array(exception, { maxLength: 3 }) }),
    ),
  ],
  [
    'breadcrumbs',
    fc.array(shaped(['message', 'level', 'category', 'data', 'timestamp', 'event_id', 'extra']), {
      maxLength: 3,
    }),
  ],
  ['user', shaped(['id', 'email', 'username', 'ip_address', 'geo', 'data', 'plan'])],
  ['request', shaped(['url', 'method', 'headers', 'cookies', 'query_string', 'data', 'env', 'body_size'])],
  [
    'threads',
    fc.record({
      values: fc.array(shaped(['id', 'name', 'crashed', 'current', 'stacktrace']), { maxLength: 2 }),
    }),
  ],
  [
    'sdk',
    shaped(
      ['name', 'version', 'integrations', 'packages', 'settings'],
      fc.oneof(fc.string(), fc.array(fc.string()), graph),
    ),
  ],
  [
    'spans',
    fc.array(
      shaped(
        ['span_id', 'trace_id', 'start_timestamp', 'timestamp', 'data', 'op'],
        fc.oneof(fc.string(), fc.double(), graph),
      ),
    ),
  ],
  ['contexts', fc.dictionary(fc.constantFrom('trace', 'os', 'app', 'custom'), graph)],
  ['tags', fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), graph))],
  ['logentry', shaped(['message', 'params', 'formatted'])],
  [
    'measurements',
    fc.dictionary(fc.string(), shaped(['value', 'unit'], fc.oneof(fc.double(), fc.string(), graph))),
  ],
];

/** Events as careless or hostile code might hand them over: known fields with any value or a near-miss shape. */
const looseEvent = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), graph, { maxKeys: 6 }),
    fc.array(
      fc.oneof(...structured.map(([key, arbitrary]) => arbitrary.map((value) => [key, value] as const))),
      { maxLength: 5 },
    ),
    fc.constantFrom('log', 'warn', 'info', 'bogus'),
  )
  .map(([fields, parts, level]) => {
    const event: Record<string, unknown> = { ...fields, level };
    for (const [key, value] of parts) event[key] = value;
    return event;
  });

describe('event builders and normalizeEvent (property-based)', () => {
  it('eventFromUnknownInput never throws and, once normalized, always validates', () => {
    fc.assert(
      fc.property(graph, fc.boolean(), (thrown, attachStacktrace) => {
        const event = eventFromUnknownInput(
          parser,
          thrown,
          { syntheticException: new Error('s') },
          attachStacktrace,
        );
        expect(event.level).toBe('error');
        expect(event.exception?.values?.at(-1)?.mechanism).toMatchObject({ type: 'generic', handled: true });
        assertValidEvent(normalizeEvent(event, 3, 1000, 1000));
      }),
      { ...SETTINGS, numRuns: 200 },
    );
  });

  it('eventFromMessage validates for any message and level', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('fatal', 'error', 'warning', 'log', 'info', 'debug'),
        (message, level) => {
          assertValidEvent(
            eventFromMessage(parser, message, level, { syntheticException: new Error('s') }, true),
          );
        },
      ),
      { ...SETTINGS, numRuns: 100 },
    );
  });

  it('normalizeEvent turns any event-shaped input into a schema-valid event without throwing', () => {
    fc.assert(
      fc.property(
        looseEvent,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        (event, depth, breadth) => {
          const result = normalizeEvent(event, depth, breadth, 50);
          assertValidEvent(result);
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        },
      ),
      { ...SETTINGS, numRuns: 200 },
    );
  });
});
