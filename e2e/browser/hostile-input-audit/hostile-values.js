/* global window, document */
// Values a page may hand the SDK: throwing getters, trapping and revoked Proxies, Symbols, BigInts,
// huge and deep data, `__proto__`/`constructor` keys, frozen objects, DOM nodes and events.
window.userError = new Error('thrown by the user callback');

window.createHostileValues = (otherRealmValues) => {
  const throwingGetter = (key) =>
    Object.defineProperty({}, key, {
      enumerable: true,
      get() {
        throw new Error(`getter ${key}`);
      },
    });
  const trap = (name) => () => {
    throw new Error(`${name} trap`);
  };
  const trapAll = new Proxy(
    {},
    {
      get: trap('get'),
      has: trap('has'),
      ownKeys: trap('ownKeys'),
      getOwnPropertyDescriptor: trap('descriptor'),
      getPrototypeOf: trap('prototype'),
      set: trap('set'),
    },
  );
  const revoked = (target) => {
    const { proxy, revoke } = Proxy.revocable(target, {});
    revoke();
    return proxy;
  };
  const cyclic = { name: 'cycle' };
  cyclic.self = cyclic;
  let deep = { leaf: true };
  for (let i = 0; i < 10000; i++) deep = { deep };
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
    toJSON() {
      throw new Error('toJSON');
    },
  };
  const rejected = Promise.reject(new Error('rejected'));
  rejected.catch(() => undefined);
  return [
    throwingGetter('message'),
    throwingGetter('name'),
    throwingGetter('tags'),
    throwingGetter('then'),
    trapAll,
    revoked({}),
    revoked([]),
    revoked(() => undefined),
    cyclic,
    deep,
    brokenError,
    noPrimitive,
    Object.create(null),
    rejected,
    'x'.repeat(2000000),
    new Array(1000000).fill('item'),
    Symbol('hostile'),
    10n ** 40n,
    Number.NaN,
    new Date(Number.NaN),
    Object.freeze({
      tags: Object.freeze({ frozen: true }),
      extra: Object.freeze({ password: 'frozen-secret' }),
    }),
    JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "tags": {"__proto__": {"polluted": "yes"}}}',
    ),
    { tags: trapAll, user: revoked({}), contexts: { a: trapAll }, fingerprint: revoked([]) },
    {
      name: 'HostileIntegration',
      setupOnce: () => {
        throw window.userError;
      },
      processEvent: () => trapAll,
    },
    document.body,
    new Event('hostile'),
    new DOMException('a DOM exception', 'AbortError'),
    () => undefined,
    () => {
      throw window.userError;
    },
    ...otherRealmValues,
  ];
};
