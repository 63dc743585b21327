import { describe, expect, it } from 'vitest';
import { Scope } from './scope';

function throwingGetter(): Record<string, unknown> {
  return Object.defineProperty({ fine: 'yes' }, 'bad', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
}

function throwingProxy(): object {
  return new Proxy(
    {},
    {
      get: () => {
        throw new Error('get trap');
      },
      ownKeys: () => {
        throw new Error('ownKeys trap');
      },
      getPrototypeOf: () => {
        throw new Error('getPrototypeOf trap');
      },
    },
  );
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const unstringifiable = {
  toString() {
    throw new Error('toString');
  },
  [Symbol.toPrimitive]() {
    throw new Error('toPrimitive');
  },
};

const cyclic: Record<string, unknown> = {};
cyclic['self'] = cyclic;

const HOSTILE: [string, () => unknown][] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['a number', () => 42],
  ['NaN', () => NaN],
  ['a bigint', () => 10n],
  ['a symbol', () => Symbol('s')],
  ['a string', () => 'text'],
  ['a function', () => () => 1],
  ['an object with a throwing getter', throwingGetter],
  ['a Proxy whose traps throw', throwingProxy],
  ['a revoked Proxy', revokedProxy],
  ['an object whose toString throws', () => unstringifiable],
  ['a cyclic object', () => cyclic],
  ['an object without prototype', () => Object.create(null) as object],
  ['an array with holes', () => [1, , 3]], // eslint-disable-line no-sparse-arrays
];

type AnyMethod = (...args: unknown[]) => unknown;

const METHODS: [string, (scope: Scope, value: unknown) => unknown][] = [
  ['setUser', (s, v) => (s.setUser as AnyMethod)(v)],
  ['setTag (key)', (s, v) => (s.setTag as AnyMethod)(v, 'v')],
  ['setTag (value)', (s, v) => (s.setTag as AnyMethod)('k', v)],
  ['setTags', (s, v) => (s.setTags as AnyMethod)(v)],
  ['setTags (values)', (s, v) => (s.setTags as AnyMethod)({ k: v })],
  ['setExtra', (s, v) => (s.setExtra as AnyMethod)(v, v)],
  ['setExtras', (s, v) => (s.setExtras as AnyMethod)(v)],
  ['setContext (name)', (s, v) => (s.setContext as AnyMethod)(v, {})],
  ['setContext (context)', (s, v) => (s.setContext as AnyMethod)('c', v)],
  ['setLevel', (s, v) => (s.setLevel as AnyMethod)(v)],
  ['setFingerprint', (s, v) => (s.setFingerprint as AnyMethod)(v)],
  ['setFingerprint (elements)', (s, v) => (s.setFingerprint as AnyMethod)([v])],
  ['setTransactionName', (s, v) => (s.setTransactionName as AnyMethod)(v, v)],
  ['addBreadcrumb', (s, v) => (s.addBreadcrumb as AnyMethod)(v, v)],
  ['addAttachment', (s, v) => (s.addAttachment as AnyMethod)(v)],
  ['addEventProcessor', (s, v) => (s.addEventProcessor as AnyMethod)(v)],
  ['setPropagationContext', (s, v) => (s.setPropagationContext as AnyMethod)(v)],
  ['setSDKProcessingMetadata', (s, v) => (s.setSDKProcessingMetadata as AnyMethod)(v)],
  ['update', (s, v) => (s.update as AnyMethod)(v)],
  [
    'update (scope context)',
    (s, v) => (s.update as AnyMethod)({ tags: v, extra: v, contexts: v, user: v, level: v, fingerprint: v }),
  ],
  ['update (callback returning it)', (s, v) => (s.update as AnyMethod)(() => v)],
  ['setClient', (s, v) => (s.setClient as AnyMethod)(v)],
  ['setLastEventId', (s, v) => (s.setLastEventId as AnyMethod)(v)],
  ['captureException', (s, v) => (s.captureException as AnyMethod)(v, v)],
  ['captureMessage', (s, v) => (s.captureMessage as AnyMethod)(v, v, v)],
  ['captureEvent', (s, v) => (s.captureEvent as AnyMethod)(v, v)],
];

describe('Scope with hostile arguments', () => {
  for (const [method, call] of METHODS) {
    it(`${method} never throws, and the scope stays usable`, () => {
      const scope = new Scope();
      for (const [, make] of HOSTILE) {
        expect(() => call(scope, make())).not.toThrow();
      }
      expect(() => scope.clone().getScopeData()).not.toThrow();
      scope.setTag('after', 'ok');
      expect(scope.getScopeData().tags['after']).toBe('ok');
    });
  }

  it('keeps the readable keys of an object with a throwing getter', () => {
    const scope = new Scope().setTags(throwingGetter() as Record<string, string>).setExtras(throwingGetter());
    scope.setContext('c', throwingGetter()).setUser(throwingGetter());
    const data = scope.getScopeData();
    expect(data.tags).toEqual({ fine: 'yes' });
    expect(data.extra).toEqual({ fine: 'yes' });
    expect(data.contexts).toEqual({ c: { fine: 'yes' } });
    expect(data.user).toEqual({ fine: 'yes' });
  });

  it('stringifies symbol tag values and drops tags whose value cannot become a string', () => {
    const scope = new Scope()
      .setTag('sym', Symbol('s') as unknown as string)
      .setTag('bad', unstringifiable as unknown as string);
    expect(scope.getScopeData().tags).toEqual({ sym: 'Symbol(s)' });
  });

  it('ignores a propagation context without trace id', () => {
    const scope = new Scope();
    const before = scope.getPropagationContext();
    scope.setPropagationContext({ sampleRand: 0.5 } as never);
    expect(scope.getPropagationContext()).toEqual(before);
  });
});
