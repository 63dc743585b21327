// A server that answers one request of its own, closes and ends on its own (no signal, no flush).
const http = require('node:http');
const Sentry = require('@sentry-sdk/node');

Sentry.init({ release: 'server@1.0.0' });

const server = http.createServer((request, response) => response.end('ok'));
server.listen(0, '127.0.0.1', () => {
  http.get(`http://127.0.0.1:${server.address().port}/orders`, (response) => {
    response.resume();
    response.on('end', () => server.close());
  });
});
