// The same in an ES module app: an uncaught exception thrown from a timer.
import * as Sentry from '@sentry-sdk/node';

Sentry.init({ release: 'e2e@1.0.0', integrations: [Sentry.localVariablesIntegration()] });

function parsePort(config) {
  const raw = config.port;
  const port = Number(raw);
  if (!Number.isInteger(port)) throw new TypeError(`port ${raw} is not a number`);
  return port;
}

setTimeout(() => {
  const config = { port: 'eighty', host: 'localhost' };
  parsePort(config);
}, 10);
