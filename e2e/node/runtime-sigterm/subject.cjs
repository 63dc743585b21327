// A server that is told to stop by a signal while an event is still being processed.
// APP_HANDLER=1 adds the app's own SIGTERM handler that closes the server.
const http = require('node:http');
const Sentry = require('@sentry-sdk/node');

Sentry.init({});
// a slow processor: the event is still in the pipeline when the signal arrives
Sentry.addEventProcessor(async (event) => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return event;
});

const server = http.createServer((_req, res) => res.end('ok'));
if (process.env.APP_HANDLER === '1') {
  process.on('SIGTERM', () => {
    console.log('app closing');
    server.close();
  });
}
server.listen(0, '127.0.0.1', () => {
  Sentry.captureMessage('shutting down soon', 'warning');
  console.log('ready');
});
