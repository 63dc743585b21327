// Loaded first by each example process: the SDK starts before the modules it instruments load.
// Features that a given build of the SDK may not have yet are looked up, not assumed.
const Sentry = require('@sentry-sdk/node');

/** What this build of the SDK offers, for the parts of the demo that need it. */
const features = {
  logs:
    typeof Sentry.logger === 'object' && Sentry.logger !== null && typeof Sentry.logger.info === 'function',
  crons: typeof Sentry.withMonitor === 'function',
  expressErrorHandler: typeof Sentry.setupExpressErrorHandler === 'function',
};

// Requests for the page's static files and the demo's own flush calls are not worth a trace
const UNTRACED = /^(GET|POST) \/(__demo\/|sdk\/|page\.js|config\.js|favicon\.ico)/;

/** Starts the SDK for one example process, pointed at SENTRY_DSN (the sidecar, in the demo). */
function initSentry(serviceName) {
  Sentry.init({
    dsn: process.env.SENTRY_DSN,
    release: 'demo-shop@1.0.0',
    environment: 'demo',
    tracesSampler: ({ name, inheritOrSampleWith }) => (UNTRACED.test(name) ? 0 : inheritOrSampleWith(1)),
    ...(features.logs && { enableLogs: true }),
    integrations: (defaults) =>
      typeof Sentry.expressIntegration === 'function' && serviceName === 'shop'
        ? [...defaults, Sentry.expressIntegration()]
        : defaults,
  });
  Sentry.getGlobalScope().setTag('service', serviceName);
}

/** Sends a structured log when the SDK has logs; otherwise does nothing. */
function log(level, message, attributes) {
  if (features.logs) Sentry.logger[level](message, attributes);
}

/** Listens on 127.0.0.1 (PORT, or a free port) and tells the parent where, as one JSON line. */
function listen(server, name) {
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const url = `http://127.0.0.1:${server.address().port}`;
    process.stdout.write(`${JSON.stringify({ ready: name, url, features })}\n`);
  });
}

/** Answers `POST /__demo/flush` once everything the SDK holds has been sent. */
async function flushRoute(res) {
  const sent = await Sentry.flush(5000);
  res
    .writeHead(sent ? 200 : 504, { 'content-type': 'application/json' })
    .end(JSON.stringify({ flushed: sent }));
}

module.exports = { Sentry, features, initSentry, log, listen, flushRoute };
