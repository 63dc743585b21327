// One micro-benchmark in a fresh process: `node micro.mjs <sdk> <bench> <durationMs> <warmupMs> <dsn>`.
// Runs the operation in batches for the given time and reports ops/sec. Work an SDK defers counts:
// error events must have reached the (counting) transport before the next batch starts, and span
// benches end with `flush()` inside the timed window, then check that every span arrived.
import { setImmediate as nextTurn } from 'node:timers/promises';
import transports from './counting-transport.cjs';

const [name, bench, durationArg, warmupArg, dsn] = process.argv.slice(2);
const sdk = await import(name);
const { state, transport } = transports.createCountingTransport();

const BENCHES = {
  captureException: { events: 1, run: (i) => sdk.captureException(new Error(`bench error ${i}`)) },
  captureMessage: { events: 1, run: (i) => sdk.captureMessage(`bench message ${i}`) },
  addBreadcrumb: { run: (i) => sdk.addBreadcrumb({ category: 'bench', message: 'crumb', data: { i } }) },
  setTag: { run: (i) => sdk.setTag(`tag${i % 10}`, `value ${i}`) },
  withScope: { run: (i) => sdk.withScope((scope) => scope.setTag('inner', `value ${i}`)) },
  startSpan1: { spans: 1, init: { tracesSampleRate: 1 }, run: (i) => nested(i, 1) },
  startSpan10: { spans: 10, init: { tracesSampleRate: 1 }, run: (i) => nested(i, 10) },
  loggerInfoOn: { init: { enableLogs: true }, run: (i) => sdk.logger.info('bench log', { i }) },
  loggerInfoOff: { init: { enableLogs: false }, run: (i) => sdk.logger.info('bench log', { i }) },
};

function nested(i, depth) {
  return sdk.startSpan({ name: `level ${depth}`, op: 'bench' }, () => (depth > 1 ? nested(i, depth - 1) : i));
}

const spec = BENCHES[bench];
if (!spec) throw new Error(`unknown bench ${bench}`);
// This SDK's client-side throttle (100 of one error, 10 000 transactions a minute) is off so that
// every call is built and sent, as the official SDK (which has no such option and ignores it) does.
sdk.init({ dsn, transport, maxErrorsPerMinute: 0, maxTransactionsPerMinute: 0, ...spec.init });

// Below the official SDK's 64 events in processing at once, past which it drops events.
const BATCH = 50;
let counter = 0;

/** Waits until `target` events reached the transport, or until none arrived for a second. */
async function drainEvents(target) {
  let last = state.events;
  let idleSince = performance.now();
  while (state.events < target) {
    await nextTurn();
    if (state.events !== last) {
      last = state.events;
      idleSince = performance.now();
    } else if (performance.now() - idleSince > 1000) {
      return false;
    }
  }
  return true;
}

async function runFor(ms) {
  const before = { ...state };
  const start = performance.now();
  let ops = 0;
  let complete = true;
  while (performance.now() - start < ms && complete) {
    for (let k = 0; k < BATCH; k++) spec.run(counter++);
    ops += BATCH;
    if (spec.events) complete = await drainEvents(before.events + ops * spec.events);
    else await nextTurn();
  }
  if (spec.spans) {
    await sdk.flush(2000);
    complete = state.spans - before.spans >= ops * spec.spans;
  }
  const elapsedMs = performance.now() - start;
  return {
    ops,
    elapsedMs,
    events: state.events - before.events,
    spans: state.spans - before.spans,
    complete,
  };
}

await runFor(Number(warmupArg));
const result = await runFor(Number(durationArg));
transports.report({ ...result, opsPerSec: (result.ops / result.elapsedMs) * 1000 });
process.exit(0);
