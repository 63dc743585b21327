// Values a host app may hand the SDK by mistake or through a hostile library: throwing getters,
// Proxies whose every trap throws, revoked Proxies, Symbols, BigInts, huge and deep data,
// `__proto__`/`constructor` keys, frozen objects, and values from another realm (a `vm` context).
import vm from 'node:vm';

/** The error a hostile user callback throws: the only error an API call may pass on (it ran the callback). */
export const userError = new Error('thrown by the user callback');

function throwingGetter(key) {
  return Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error(`getter ${key}`);
    },
  });
}

function trapEverything() {
  const trap = (name) => () => {
    throw new Error(`${name} trap`);
  };
  return new Proxy(
    {},
    {
      get: trap('get'),
      has: trap('has'),
      ownKeys: trap('ownKeys'),
      getOwnPropertyDescriptor: trap('descriptor'),
      getPrototypeOf: trap('prototype'),
      set: trap('set'),
      defineProperty: trap('defineProperty'),
      deleteProperty: trap('deleteProperty'),
      apply: trap('apply'),
    },
  );
}

function revoked(target) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

function otherRealm() {
  const context = vm.createContext({});
  const run = (code) => vm.runInContext(code, context);
  return [
    run('new TypeError("from another realm")'),
    run(
      '(() => { const e = new RangeError("realm with cause"); e.cause = new Error("inner realm"); return e; })()',
    ),
    run('({ message: "realm object", nested: { password: "realm-secret", list: [1, 2, 3] } })'),
    run(
      'Object.defineProperty(new Error("realm getter"), "stack", { get() { throw new Error("realm stack"); } })',
    ),
    run('new Proxy({}, { ownKeys() { throw new Error("realm trap"); } })'),
    run('(() => { const p = Promise.reject(new Error("realm rejection")); p.catch(() => {}); return p; })()'),
    run('[new Date(NaN), /x/g, new Map([[1, 2]]), Symbol("realm")]'),
    run(
      '(() => { class Custom extends Error { constructor() { super("custom realm error"); this.name = "CustomError"; this.code = 42; } } return new Custom(); })()',
    ),
  ];
}

/** The fixed list of hostile values; fast-check picks them by index so it never touches one itself. */
export function createHostileValues() {
  const cyclic = { name: 'cycle' };
  cyclic.self = cyclic;
  let deep = { leaf: true };
  for (let i = 0; i < 10_000; i++) deep = { deep };
  let deepArray = [];
  for (let i = 0; i < 10_000; i++) deepArray = [deepArray];
  const brokenError = new Error('broken');
  for (const key of ['stack', 'message', 'name', 'cause', 'errors']) {
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
    toJSON() {
      throw new Error('toJSON');
    },
  };
  const rejected = Promise.reject(new Error('rejected'));
  rejected.catch(() => undefined);
  const huge = 'x'.repeat(2_000_000);
  const hugeArray = new Array(1_000_000).fill('item');
  const trap = trapEverything();
  const polluting = JSON.parse(
    '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "tags": {"__proto__": {"polluted": "yes"}}, "extra": {"constructor": {"prototype": {"polluted": "yes"}}}, "user": {"__proto__": {"polluted": "yes"}}}',
  );
  return [
    throwingGetter('message'),
    throwingGetter('name'),
    throwingGetter('tags'),
    throwingGetter('event_id'),
    throwingGetter('then'),
    throwingGetter('dsn'),
    throwingGetter('attributes'),
    trap,
    revoked({}),
    revoked([]),
    revoked(() => undefined),
    cyclic,
    deep,
    deepArray,
    brokenError,
    noPrimitive,
    Object.create(null),
    Object.assign(Object.create(null), { message: 'no prototype', tags: { a: 1 } }),
    rejected,
    huge,
    hugeArray,
    Symbol('hostile'),
    Symbol.iterator,
    10n ** 40n,
    -0,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    new Date(Number.NaN),
    /re/g,
    new Map([[cyclic, trap]]),
    new Set([revoked({})]),
    new Uint8Array(8),
    new ArrayBuffer(8),
    Object.freeze({
      tags: Object.freeze({ frozen: true }),
      level: 'fatal',
      extra: Object.freeze({ password: 'frozen-secret' }),
    }),
    Object.freeze([Object.freeze({ name: 'FrozenIntegration' })]),
    polluting,
    {
      tags: trap,
      user: revoked({}),
      level: Symbol('level'),
      fingerprint: revoked([]),
      contexts: { a: trap },
    },
    {
      exception: { values: revoked([]) },
      breadcrumbs: cyclic,
      extra: deep,
      message: huge,
      timestamp: noPrimitive,
    },
    {
      type: 'transaction',
      transaction: huge,
      spans: [trap, cyclic],
      start_timestamp: 'soon',
      contexts: { trace: cyclic },
    },
    {
      name: 'HostileIntegration',
      setupOnce: () => {
        throw userError;
      },
      setup: trap,
      processEvent: () => trap,
      preprocessEvent: () => {
        throw userError;
      },
    },
    { monitorSlug: trap, status: noPrimitive, duration: 10n, checkInId: revoked({}) },
    { schedule: trap, checkinMargin: -1, maxRuntime: Symbol('x'), timezone: noPrimitive },
    {
      name: noPrimitive,
      op: trap,
      attributes: cyclic,
      startTime: Symbol('t'),
      parentSpan: trap,
      scope: trap,
    },
    {
      then: () => {
        throw new Error('then');
      },
    },
    () => undefined,
    () => {
      throw userError;
    },
    async () => {
      throw userError;
    },
    ...otherRealm(),
  ];
}
