import { assertValidEvent } from '@sentry-sdk/test-utils';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, initAndBind } from '../client';
import { parseEnvelope } from '../envelope';
import { getCurrentScope, getGlobalScope, getIsolationScope } from '../scope';
import { createTransport } from '../transport';
import type { Event, TransportOptions } from '../types';
import * as api from './index';

// Functions that run a user callback: the callback's own error reaches the caller, by design
// (as with any higher-order function); nothing else may.
const RUNS_CALLBACK = new Set(['withScope', 'newScope', 'withIsolationScope', 'isolationScope']);
const userError = new Error('thrown by the user callback');

function hostileValues(): unknown[] {
  const throwingGetter = (key: string) =>
    Object.defineProperty({}, key, {
      enumerable: true,
      get() {
        throw new Error(`getter ${key}`);
      },
    });
  const trapAll = new Proxy(
    {},
    {
      get: () => {
        throw new Error('get trap');
      },
      has: () => {
        throw new Error('has trap');
      },
      ownKeys: () => {
        throw new Error('ownKeys trap');
      },
      getOwnPropertyDescriptor: () => {
        throw new Error('descriptor trap');
      },
      getPrototypeOf: () => {
        throw new Error('prototype trap');
      },
    },
  );
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const revokedArray = Proxy.revocable([], {});
  revokedArray.revoke();
  const cyclic: Record<string, unknown> = { name: 'cycle' };
  cyclic['self'] = cyclic;
  let deep: unknown = { leaf: true };
  for (let i = 0; i < 5000; i++) deep = { deep, list: [deep] };
  const brokenError = new Error('broken');
  for (const key of ['stack', 'message', 'name', 'cause']) {
    Object.defineProperty(brokenError, key, {
      get() {
        throw new Error(key);
      },
    });
  }
  const noPrimitive = {
    [Symbol.toPrimitive]() {
      throw new Error('toPrimitive');
    },
    toString() {
      throw new Error('toString');
    },
  };
  const nullProto = Object.assign(Object.create(null) as object, { tags: { a: 1 }, message: 'no prototype' });
  const rejected = Promise.reject(new Error('rejected'));
  rejected.catch(() => undefined);
  const huge = 'x'.repeat(2_000_000);
  return [
    throwingGetter('message'),
    throwingGetter('tags'),
    throwingGetter('event_id'),
    throwingGetter('name'),
    trapAll,
    revoked.proxy,
    revokedArray.proxy,
    cyclic,
    deep,
    brokenError,
    noPrimitive,
    nullProto,
    rejected,
    huge,
    Symbol('hostile'),
    Symbol.iterator,
    10n ** 40n,
    -0,
    Number.NaN,
    -Infinity,
    new Date(Number.NaN),
    /re/g,
    new Map<unknown, unknown>([[cyclic, trapAll]]),
    new Set([revoked.proxy]),
    new Uint8Array(8),
    new ArrayBuffer(8),
    Object.freeze({ tags: Object.freeze({ frozen: true }), level: 'fatal' }),
    JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "tags": {"__proto__": {"polluted": "yes"}}}',
    ),
    {
      tags: trapAll,
      user: revoked.proxy,
      level: Symbol('level'),
      fingerprint: revokedArray.proxy,
      contexts: { a: trapAll },
    },
    {
      event_id: noPrimitive,
      attachments: [{ filename: 'a.txt', data: trapAll }, revoked.proxy],
      captureContext: trapAll,
    },
    {
      exception: { values: revokedArray.proxy },
      breadcrumbs: cyclic,
      extra: deep,
      message: huge,
      timestamp: noPrimitive,
    },
    {
      type: 'transaction',
      transaction: huge,
      spans: [trapAll, cyclic],
      start_timestamp: 'soon',
      contexts: { trace: cyclic },
    },
    { type: 'feedback', contexts: { feedback: { message: trapAll } } },
    {
      name: 'HostileIntegration',
      setupOnce: () => {
        throw userError;
      },
      setup: 'not a function',
      processEvent: () => trapAll,
    },
    throwingGetter('processEvent'),
    { message: trapAll, data: cyclic, timestamp: Number.NaN, category: Symbol('c') },
    {
      then: () => {
        throw new Error('then');
      },
    },
    () => undefined,
    () => {
      throw userError;
    },
  ];
}

const hostile = hostileValues();
// Hostile values travel as indices: fast-check itself must not touch them (it probes and prints values).
type Arg = { value: unknown } | { hostile: number };
const argument: fc.Arbitrary<Arg> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .anything({
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withTypedArray: true,
        withSparseArray: true,
        withNullPrototype: true,
        withObjectString: true,
        withBoxedValues: true,
        maxDepth: 4,
      })
      .map((value) => ({ value })),
  },
  { weight: 2, arbitrary: fc.nat(hostile.length - 1).map((index) => ({ hostile: index })) },
);
const resolve = (arg: Arg): unknown => ('hostile' in arg ? hostile[arg.hostile] : arg.value);

// Every envelope the fuzzed calls send goes through the real transport and serializer.
const bodies: (string | Uint8Array)[] = [];
const transport = (options: TransportOptions) =>
  createTransport(options, ({ body }) => {
    bodies.push(body);
    return Promise.resolve({ statusCode: 200 });
  });

const functions = Object.entries(api).filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function',
);
const prototypeKeys = Reflect.ownKeys(Object.prototype);
const pending: Promise<unknown>[] = [];

function call(name: string, fn: (...args: unknown[]) => unknown, args: unknown[]): void {
  let result: unknown;
  try {
    result = fn(...args);
  } catch (error) {
    if (!(RUNS_CALLBACK.has(name) && error === userError)) throw error;
  }
  if (result instanceof Promise) pending.push(result);
}

afterAll(() => {
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()])
    scope.clear().setClient(undefined);
});

describe('the public API under arbitrary arguments', () => {
  it('exports only functions that are fuzzed here', () => {
    expect(functions.map(([name]) => name).sort()).toEqual(Object.keys(api).sort());
    expect(functions.length).toBeGreaterThanOrEqual(25);
  });

  it.each([
    ['before init', false],
    ['after init', true],
  ])('never throws and never pollutes Object.prototype (%s)', async (_label, initialised) => {
    fc.assert(
      fc.property(fc.nat(functions.length - 1), fc.array(argument, { maxLength: 4 }), (index, args) => {
        const [name, fn] = functions[index]!;
        for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()])
          scope.clear().setClient(undefined);
        if (initialised) {
          initAndBind(Client, {
            dsn: 'https://ab12cd34ef56ab12cd34ef56ab12cd34@ingest.example.org/4711',
            integrations: [],
            stackParser: () => [],
            transport,
            sdk: { name: 'acme.javascript.test', version: '1.0.0' },
            platform: 'node',
            sendClientReports: false,
            attachStacktrace: true,
          });
        }
        call(name, fn, args.map(resolve));
        expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { numRuns: 400 },
    );
    // flush and close promises of the runs settle, and never reject
    await expect(Promise.all(pending.splice(0))).resolves.toBeDefined();
  });

  it('every event the fuzzed calls sent is valid for Relay', async () => {
    initAndBind(Client, {
      dsn: 'https://ab12cd34ef56ab12cd34ef56ab12cd34@ingest.example.org/4711',
      integrations: [],
      stackParser: () => [],
      transport,
      sdk: { name: 'acme.javascript.test', version: '1.0.0' },
      platform: 'node',
      sendClientReports: false,
    });
    for (const value of hostile) {
      api.captureException(value, value as never);
      api.captureMessage(value as never, value as never);
      api.captureEvent(value as Event, value as never);
    }
    await api.flush(5000);
    const payloads = bodies
      .map((body) => parseEnvelope(body))
      .flatMap((envelope) => envelope[1])
      .filter((item) => ['event', 'transaction', 'feedback'].includes(item[0].type))
      .map((item) => item[1]);
    expect(payloads.length).toBeGreaterThan(hostile.length);
    for (const payload of payloads) assertValidEvent(payload);
    expect(Reflect.ownKeys(Object.prototype)).toEqual(prototypeKeys);
  });
});
