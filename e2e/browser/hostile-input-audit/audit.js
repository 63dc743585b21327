/* global window, document, Sentry, fc, createHostileValues */
// The hostile-input audit of the browser package's public API, in the page: every exported function
// and class, and the methods of the client, scope and span, called with arbitrary and hostile
// arguments (values of an iframe's realm among them) from a fixed seed. No call may throw into the
// page (except by re-throwing the error of a callback it ran), no prototype may be polluted.
const OWN_RUNS = new Set(['init', 'close']);
// it builds a script URL from the DSN it is given: only the fixed values (no generated hosts)
const HOSTILE_ONLY = new Set(['showReportDialog']);

function describe(error) {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an unprintable error';
  }
}

const isCallbackError = (error) =>
  error === window.userError ||
  (error instanceof TypeError && /revoked/.test(error.message) && /apply|call/.test(error.message));

const isClass = (fn) => {
  try {
    return /^class\b/.test(Function.prototype.toString.call(fn));
  } catch {
    return false;
  }
};

const isPromise = (value) => {
  try {
    return value instanceof Promise;
  } catch {
    return false;
  }
};

// the public methods of a class, inherited ones included (base classes first)
const methodsOf = (prototype) => {
  const chain = [];
  for (let proto = prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto))
    chain.unshift(proto);
  const names = chain.flatMap((proto) => Object.getOwnPropertyNames(proto));
  return [...new Set(names)].filter((name) => name !== 'constructor' && !name.startsWith('_'));
};

window.runAudit = async ({ dsn, seed, runs }) => {
  const realm = document.getElementById('other-realm').contentWindow;
  const hostile = createHostileValues(realm.makeValues());
  const base = { dsn, tracesSampleRate: 1, enableLogs: true, release: 'audit@1.0.0' };
  const failures = [];
  const pending = [];
  const prototypeKeys = Reflect.ownKeys(Object.prototype).length;
  let tried = 0;
  let client = Sentry.init(base);

  const points = Object.entries(Sentry)
    .filter(([name, value]) => typeof value === 'function' && !OWN_RUNS.has(name))
    .map(([name, fn]) => ({ name, call: (args) => (isClass(fn) ? new fn(...args) : fn(...args)) }));
  for (const method of new Set([
    ...methodsOf(Sentry.Client.prototype),
    ...methodsOf(Sentry.BrowserClient.prototype),
  ])) {
    if (method !== 'close')
      points.push({ name: `client.${method}`, call: (args) => client[method](...args) });
  }
  for (const method of methodsOf(Sentry.Scope.prototype)) {
    points.push({ name: `scope.${method}`, call: (args) => Sentry.getCurrentScope()[method](...args) });
  }
  for (const method of methodsOf(Sentry.SentrySpan.prototype)) {
    points.push({
      name: `span.${method}`,
      call: (args) => Sentry.startInactiveSpan({ name: 'audited span' })[method](...args),
    });
  }

  const check = (name, call, args) => {
    tried += 1;
    let result;
    try {
      result = call(args);
    } catch (error) {
      if (!isCallbackError(error)) failures.push({ name, error: describe(error) });
    }
    // a value handed back unchanged is the caller's own (`instanceof` would trap on a revoked Proxy)
    if (!args.includes(result) && isPromise(result)) pending.push({ name, promise: result });
    if (Reflect.ownKeys(Object.prototype).length !== prototypeKeys || {}.polluted !== undefined) {
      failures.push({ name, error: 'polluted a prototype' });
    }
  };
  const restore = () => {
    for (const scope of [Sentry.getGlobalScope(), Sentry.getIsolationScope(), Sentry.getCurrentScope()])
      scope.clear();
    Sentry.getCurrentScope().setClient(client);
  };

  const anything = fc
    .anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
      maxDepth: 3,
    })
    .map((value) => ({ value }));
  const argument = fc.oneof(
    { weight: 3, arbitrary: anything },
    { weight: 2, arbitrary: fc.nat(hostile.length - 1).map((index) => ({ hostile: index })) },
  );
  const resolve = (arg) => ('hostile' in arg ? hostile[arg.hostile] : arg.value);
  fc.assert(
    fc.property(fc.nat(points.length - 1), fc.array(argument, { maxLength: 4 }), (index, args) => {
      const point = points[index];
      const values = HOSTILE_ONLY.has(point.name)
        ? args.filter((arg) => 'hostile' in arg).map(resolve)
        : args.map(resolve);
      check(point.name, point.call, values);
      restore();
      return true;
    }),
    { seed, numRuns: runs },
  );
  fc.assert(
    fc.property(argument, (arg) => {
      check('init', () => Sentry.init(resolve(arg)), []);
      check(
        'captureException after init',
        () => Sentry.captureException(new Error('after a hostile init')),
        [],
      );
      return true;
    }),
    { seed, numRuns: 40 },
  );
  client = Sentry.init(base);

  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 10000));
  for (const { name, promise } of pending) {
    const outcome = await Promise.race([
      promise.then(
        () => undefined,
        (reason) => ({ reason }),
      ),
      timeout,
    ]);
    if (outcome === 'timeout')
      failures.push({ name, error: 'returned a promise that did not settle within 10 s' });
    else if (outcome && !isCallbackError(outcome.reason))
      failures.push({ name, error: `returned a promise that rejected: ${describe(outcome.reason)}` });
  }

  // every hostile value captured once by a fresh client: whatever the seed did to the earlier
  // clients (a hostile integration may drop all their events), these must arrive as valid events
  restore();
  Sentry.withScope((scope) => {
    scope.setTag('audit', 'hostile-values');
    for (const value of hostile) check('captureException of a hostile value', () => Sentry.captureException(value), []);
  });

  // errors of another realm: captured, and thrown uncaught into the page
  restore();
  Sentry.captureException(realm.makeError('captured from the iframe realm'));
  setTimeout(() => {
    throw realm.makeError('uncaught from the iframe realm');
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const flushed = await Sentry.flush(10000);
  return { seed, inputs: tried, entryPoints: points.length, failures, flushed };
};
