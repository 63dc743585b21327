// The hostile-input audit of the Node package's whole public API (core's included): every exported
// function, class, and the methods of the client, scope and span, called with arbitrary and hostile
// arguments from a fixed seed. No call may throw into the caller (except by re-throwing the error
// of a user callback it ran), no prototype may be polluted. Then the lifecycle cases. Prints one
// line `AUDIT <json>` with what was tried and what failed.
import * as Sentry from '@sentry-sdk/node';
import { types } from 'node:util';
import fc from 'fast-check';
import { createHostileValues, userError } from './hostile-values.mjs';

const SEED = Number(process.env.AUDIT_SEED ?? 18);
const RUNS = Number(process.env.AUDIT_RUNS ?? 1200);
const INIT_RUNS = Number(process.env.AUDIT_INIT_RUNS ?? 60);
const BASE_OPTIONS = {
  dsn: process.env.SENTRY_DSN,
  tracesSampleRate: 1,
  enableLogs: true,
  release: 'audit@1.0.0',
};

// `init` and `close` have their own runs below; the offline store writes where it is told, so its
// constructors only get the fixed hostile values (no generated paths).
const OWN_RUNS = new Set(['init', 'close']);
const HOSTILE_ONLY = new Set(['createFileOfflineStore', 'makeNodeOfflineTransport']);

const hostile = createHostileValues();
const failures = [];
const pending = [];
const prototypeKeys = Reflect.ownKeys(Object.prototype);
const arrayPrototypeKeys = Reflect.ownKeys(Array.prototype);
let tried = 0;
let client = Sentry.init(BASE_OPTIONS);

const isClass = (fn) => {
  try {
    return /^class\b/.test(Function.prototype.toString.call(fn));
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

/** Every entry point: exported functions and classes, then client, scope and span methods. */
function entryPoints() {
  const points = Object.entries(Sentry)
    .filter(([name, value]) => typeof value === 'function' && !OWN_RUNS.has(name))
    .map(([name, fn]) => ({ name, call: (args) => (isClass(fn) ? new fn(...args) : fn(...args)) }));
  const clientMethods = new Set([
    ...methodsOf(Sentry.Client.prototype),
    ...methodsOf(Sentry.NodeClient.prototype),
  ]);
  for (const method of clientMethods) {
    if (method === 'close') continue;
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
  return points;
}

function describe(error) {
  try {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    return 'an unprintable error';
  }
}

// A promise the SDK made must not reject; a value it hands back unchanged is the caller's own.
// A Proxy handed back (a library wrapped for instrumentation) wraps the caller's own value.
function track(name, result, args) {
  if (args.includes(result) || types.isProxy(result)) return;
  if (result instanceof Promise) pending.push({ name, promise: result });
}

// Calling a revoked Proxy of a function is that callback throwing, as a callback may.
const isCallbackError = (error) =>
  error === userError ||
  (error instanceof TypeError && /'apply' on a proxy that has been revoked/.test(error.message));

function callChecked(name, call, args) {
  tried += 1;
  try {
    track(name, call(args), args);
  } catch (error) {
    if (!isCallbackError(error)) failures.push({ name, error: describe(error) });
  }
  checkPrototypes(name);
}

function checkPrototypes(name) {
  const polluted =
    Reflect.ownKeys(Object.prototype).length !== prototypeKeys.length ||
    Reflect.ownKeys(Array.prototype).length !== arrayPrototypeKeys.length ||
    {}.polluted !== undefined;
  if (!polluted) return;
  failures.push({ name, error: 'polluted a prototype' });
  for (const key of Reflect.ownKeys(Object.prototype))
    if (!prototypeKeys.includes(key)) delete Object.prototype[key];
}

/** Puts back what a hostile call may have swapped out: the context strategy, the scopes' client. */
function restore() {
  try {
    Sentry.setAsyncContextStrategy(Sentry.createAsyncLocalStorageStrategy());
    for (const scope of [Sentry.getGlobalScope(), Sentry.getIsolationScope(), Sentry.getCurrentScope()])
      scope.clear();
    Sentry.getCurrentScope().setClient(client);
  } catch (error) {
    failures.push({ name: 'restore', error: describe(error) });
  }
}

// Hostile values travel as indices: fast-check itself must not touch them (it probes and prints values).
const anything = fc
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
  .map((value) => ({ value }));
const hostileIndex = fc.nat(hostile.length - 1).map((index) => ({ hostile: index }));
const argument = fc.oneof({ weight: 3, arbitrary: anything }, { weight: 2, arbitrary: hostileIndex });
const resolve = (arg) => ('hostile' in arg ? hostile[arg.hostile] : arg.value);

function auditEntryPoints(points) {
  fc.assert(
    fc.property(fc.nat(points.length - 1), fc.array(argument, { maxLength: 4 }), (index, args) => {
      const point = points[index];
      const values = HOSTILE_ONLY.has(point.name)
        ? args.filter((arg) => 'hostile' in arg).map(resolve)
        : args.map(resolve);
      callChecked(point.name, point.call, values);
      restore();
      return true;
    }),
    { seed: SEED, numRuns: RUNS },
  );
}

// `init` with a hostile options object, or good options with one hostile option.
const OPTION_KEYS = [
  'dsn',
  'release',
  'environment',
  'sampleRate',
  'maxBreadcrumbs',
  'beforeSend',
  'beforeSendTransaction',
  'beforeSendLog',
  'beforeBreadcrumb',
  'integrations',
  'defaultIntegrations',
  'initialScope',
  'transport',
  'transportOptions',
  'tracesSampler',
  'tracePropagationTargets',
  'ignoreErrors',
  'scrubbing',
  'maxErrorsPerMinute',
  'tunnel',
  'shutdownTimeout',
  'spotlight',
  'stackParser',
  'normalizeDepth',
];
function auditInit() {
  fc.assert(
    fc.property(argument, fc.option(fc.constantFrom(...OPTION_KEYS), { nil: undefined }), (arg, key) => {
      const value = resolve(arg);
      const options = key === undefined ? value : { ...BASE_OPTIONS, [key]: value };
      callChecked(`init(${key ?? 'options'})`, () => Sentry.init(options), []);
      callChecked(
        'captureException after init',
        () => Sentry.captureException(new Error('after a hostile init')),
        [],
      );
      return true;
    }),
    { seed: SEED, numRuns: INIT_RUNS },
  );
  client = Sentry.init(BASE_OPTIONS);
}

// Every promise the SDK returned settles within 10 s, and none rejects but with a callback's error.
async function settle(entries) {
  const TIMEOUT = Symbol('timeout');
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(TIMEOUT), 10_000)));
  const outcomes = await Promise.all(
    entries.map(({ name, promise }) =>
      Promise.race([
        promise.then(
          () => undefined,
          (reason) => ({ reason }),
        ),
        timeout,
      ]).then((outcome) => ({ name, outcome })),
    ),
  );
  clearTimeout(timer);
  for (const { name, outcome } of outcomes) {
    if (outcome === TIMEOUT)
      failures.push({ name, error: 'returned a promise that did not settle within 10 s' });
    else if (outcome && !isCallbackError(outcome.reason))
      failures.push({ name, error: `returned a promise that rejected: ${describe(outcome.reason)}` });
  }
}

/** init twice, capture during flush, close then capture: each must keep working, and throw nothing. */
async function lifecycle() {
  const cases = {};
  Sentry.init(BASE_OPTIONS);
  client = Sentry.init(BASE_OPTIONS);
  cases.initTwiceEventId = Sentry.captureException(new Error('lifecycle: after init twice'));
  const flushing = Sentry.flush(5000);
  cases.duringFlushEventId = Sentry.captureException(new Error('lifecycle: during flush'));
  cases.flushResult = await flushing;
  cases.secondFlushResult = await Sentry.flush(5000);
  cases.closeResult = await Sentry.close(5000);
  try {
    cases.afterCloseEventId = Sentry.captureException(new Error('lifecycle: after close'));
    Sentry.captureMessage('lifecycle: message after close');
    Sentry.logger.info('lifecycle: log after close');
    cases.flushAfterClose = await Sentry.flush(1000);
    cases.closeAgain = await Sentry.close(1000);
  } catch (error) {
    failures.push({ name: 'lifecycle after close', error: describe(error) });
  }
  return cases;
}

const points = entryPoints();
auditEntryPoints(points);
auditInit();
await settle(pending.splice(0));
restore();
await Sentry.flush(10_000);
const lifecycleCases = await lifecycle();

console.log(
  `AUDIT ${JSON.stringify({ seed: SEED, inputs: tried, entryPoints: points.length, failures, lifecycle: lifecycleCases })}`,
);
process.exit(0);
