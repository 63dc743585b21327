// Continuous profiling with the built SDK. MODE=manual: startProfiler(), work in spans for
// ROUNDS × 100 ms (yielding between rounds, so chunk timers run), stopProfiler(). MODE=trace: the
// same work in one root span, which starts and stops the profiler. Chunks are cut every CHUNK_MS.
// Prints the wall-clock second at which the profiler was stopped.
const Sentry = require('@sentry-sdk/node');

const mode = process.env.MODE ?? 'manual';
Sentry.init({
  release: 'worker@1.0.0',
  tracesSampleRate: 1,
  profileSessionSampleRate: 1,
  profileLifecycle: mode,
  integrations: [Sentry.nodeProfilingIntegration({ _chunkIntervalMs: Number(process.env.CHUNK_MS ?? 500) })],
});

// The known hot function: CPU-bound, named so that nothing else in the process shares its name.
function resizeThumbnailsContinuousHotLoop(ms) {
  const until = performance.now() + ms;
  let acc = 0;
  for (let i = 1; performance.now() < until; i++) acc += Math.sqrt(i) % 7;
  return acc;
}

const rounds = Number(process.env.ROUNDS ?? 16);
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

async function work() {
  for (let round = 0; round < rounds; round++) {
    Sentry.startSpan({ name: `resize batch ${round}`, op: 'function' }, () =>
      resizeThumbnailsContinuousHotLoop(100),
    );
    await pause();
  }
}

async function main() {
  if (mode === 'manual') {
    Sentry.startProfiler();
    await Sentry.startSpan({ name: 'thumbnail job', op: 'queue.process' }, work);
    Sentry.stopProfiler();
  } else {
    await Sentry.startSpan({ name: 'thumbnail job', op: 'queue.process' }, work);
  }
  console.log(`stopped ${Date.now() / 1000}`);
}

main();
