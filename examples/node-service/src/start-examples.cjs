// Starts the example processes (inventory backend, then the shop pointed at it) for the demo and
// the sidecar's e2e test, and stops them again.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { createInterface } = require('node:readline');

const READY_TIMEOUT_MS = 30_000;

/** Starts one example script with `env`; resolves with its URL once it listens. */
function startExample(script, env) {
  const child = spawn(process.execPath, [join(__dirname, script)], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`${script} did not start within ${READY_TIMEOUT_MS} ms`)),
      READY_TIMEOUT_MS,
    );
    const fail = (error) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${error.message}\n${Buffer.concat(stderr).toString()}`));
    };
    child.once('exit', (code) => fail(new Error(`${script} exited with ${code} before it listened`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        return;
      }
      if (!message.ready) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ name: message.ready, url: message.url, features: message.features, child, stderr });
    });
  });
}

/** Asks an example to send everything its SDK holds. */
async function flushExample(example) {
  const response = await fetch(`${example.url}/__demo/flush`, { method: 'POST' });
  return response.ok;
}

/** Stops an example process and waits for it to exit. */
function stopExample(example) {
  if (example.child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    example.child.once('exit', () => done());
    example.child.kill('SIGTERM');
  });
}

/** The backend and the shop, both sending to `dsn`. */
async function startExamples(dsn) {
  const backend = await startExample('backend.cjs', { SENTRY_DSN: dsn });
  try {
    const shop = await startExample('service.cjs', { SENTRY_DSN: dsn, BACKEND_URL: backend.url });
    return { backend, shop };
  } catch (error) {
    await stopExample(backend);
    throw error;
  }
}

/**
 * Envelopes may still be in flight after the flushes (an SDK answers its flush when the request
 * left, not when the receiver stored it): waits until `read()` gives the same answer twice.
 */
async function waitUntilQuiet(read, { intervalMs = 300, rounds = 20 } = {}) {
  let previous;
  for (let round = 0; round < rounds; round++) {
    const current = JSON.stringify(read());
    if (current === previous) return;
    previous = current;
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

module.exports = { startExample, startExamples, flushExample, stopExample, waitUntilQuiet };
