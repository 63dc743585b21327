// Captures errors while the ingest server is down (stored in a directory shared with another
// process), then, on SIGUSR2, once it is up again: a new event gets an answer, and the stored
// envelopes go out, each by exactly one of the processes.
const { readdirSync } = require('node:fs');
const Sentry = require('@sentry-sdk/node');

const dir = process.env.OFFLINE_DIR;
const writer = process.env.WRITER;
const COUNT = 5;

Sentry.init({
  release: 'e2e@1.0.0',
  transport: Sentry.makeNodeOfflineTransport,
  transportOptions: { dir, maxEntries: 100, flushAtStartup: false, minRetryDelay: 100, maxRetryDelay: 400 },
  integrations: (defaults) => defaults.filter((integration) => integration.name !== 'Http'),
});

const stored = (filter) => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.envelope') && filter(name)).length;
  } catch {
    return 0;
  }
};
const until = async (condition, timeoutMs) => {
  const end = Date.now() + timeoutMs;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
};

const keepAlive = setInterval(() => undefined, 1000);

(async () => {
  for (let i = 0; i < COUNT; i += 1) Sentry.captureException(new Error(`${writer} offline ${i}`));
  await until(() => stored((name) => name.includes(`-${process.pid}-`)) >= COUNT, 10_000);
  console.log('stored');
})();

process.on('SIGUSR2', async () => {
  Sentry.captureMessage(`${writer} online`, 'error');
  await Sentry.flush(5000);
  await until(() => stored(() => true) === 0, 10_000);
  await Sentry.flush(5000);
  clearInterval(keepAlive);
});
