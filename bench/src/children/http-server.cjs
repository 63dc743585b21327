'use strict';
// A server under load: `node http-server.cjs <http|express> <sdk|none> <errors|tracing> <dsn>`.
// The SDK is required and initialised first, as each SDK's docs ask (so an SDK that instruments
// modules on require sees node:http and express). Prints BENCH_READY <port>; on "stop" from stdin it
// reports what reached the counting transport and exits.
const { createCountingTransport, report } = require('./counting-transport.cjs');
const { peakRssKiB } = require('./peak-rss.cjs');

const [kind, name, mode, dsn] = process.argv.slice(2);
const { state, transport } = createCountingTransport();
if (name !== 'none') {
  const sdk = require(name);
  // maxTransactionsPerMinute / maxErrorsPerMinute: 0 turn off this SDK's client-side throttle (the
  // official SDK ignores them), so that it builds and sends every transaction, as the official does
  const unthrottled = { maxErrorsPerMinute: 0, maxTransactionsPerMinute: 0 };
  sdk.init({ dsn, transport, ...unthrottled, ...(mode === 'tracing' ? { tracesSampleRate: 1 } : {}) });
}

const http = require('node:http');
let server;
if (kind === 'express') {
  const express = require('express');
  const app = express();
  app.get('/', (_req, res) => {
    res.send('ok');
  });
  server = http.createServer(app);
} else {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
}

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`BENCH_READY ${server.address().port}\n`);
});

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  if (!chunk.includes('stop')) return;
  report({ ...state, peakRssKiB: peakRssKiB().kib });
  process.exit(0);
});
