// Heap after many captureException calls while the ingest endpoint hangs:
// `node --expose-gc memory.mjs <sdk> <count> <deadlineMs> <dsn>`. The SDK keeps its own transport
// (pointed at a server that accepts connections and never answers), so what it queues is measured.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import transports from './counting-transport.cjs';

const [name, countArg, deadlineArg, dsn] = process.argv.slice(2);
const count = Number(countArg);
const sdk = await import(name);
// Throttle off (see micro.mjs): every capture reaches the transport's queue, for both SDKs.
sdk.init({ dsn, maxErrorsPerMinute: 0 });

const heapAfterGc = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

// The first event pulls in lazily loaded code and caches (source lines, modules): not a leak.
sdk.captureException(new Error('warm-up'));
await sleep(100);
const heapBefore = heapAfterGc();

const start = performance.now();
let calls = 0;
while (calls < count && performance.now() - start < Number(deadlineArg)) {
  for (let k = 0; k < 1000 && calls < count; k++) sdk.captureException(new Error(`memory ${calls++}`));
  await nextTurn();
}
const elapsedMs = performance.now() - start;
// Let the pipeline settle (processing, queueing) before the heap is read.
await sleep(500);
const heapAfter = heapAfterGc();
transports.report({ calls, elapsedMs, heapBefore, heapAfter, rss: process.memoryUsage().rss });
process.exit(0);
