// A job that crunches numbers inside a transaction, profiled with the built SDK. WORK_MS sets how
// long the hot function runs (0: a transaction too short to profile). The process ends on its own.
const Sentry = require('@sentry-sdk/node');

Sentry.init({
  release: 'reports@3.1.0',
  tracesSampleRate: 1,
  profilesSampleRate: 1,
  integrations: [Sentry.nodeProfilingIntegration()],
});

// The known hot function: CPU-bound, named so that nothing else in the process shares its name.
function crunchQuarterlyNumbersHotLoop(ms) {
  const until = performance.now() + ms;
  let total = 0;
  for (let i = 1; performance.now() < until; i++) total += Math.sqrt(i) * Math.sin(i);
  return total;
}

function loadLedger() {
  return Array.from({ length: 1000 }, (_, i) => i * 3);
}

const workMs = Number(process.env.WORK_MS ?? 800);
Sentry.startSpan({ name: 'quarterly report', op: 'task' }, () => {
  const ledger = Sentry.startSpan({ name: 'load ledger', op: 'db' }, loadLedger);
  const total = workMs > 0 ? crunchQuarterlyNumbersHotLoop(workMs) : ledger.length;
  console.log(Number.isFinite(total) ? 'report ready' : 'report broken');
});
