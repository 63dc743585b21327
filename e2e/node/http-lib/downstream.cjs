// The second service of the HTTP e2e cases: a plain node:http server with the SDK, answering
// /inventory/:id with what it received, so the caller's trace can be followed across processes.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', serverName: 'downstream' });

const http = require('node:http');

const server = http.createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({
      stock: 3,
      sentryTrace: req.headers['sentry-trace'] ?? null,
      baggage: req.headers.baggage ?? null,
    }),
  );
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
