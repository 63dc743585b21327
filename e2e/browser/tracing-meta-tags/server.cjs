// A server-rendered page: plain node:http with the Node SDK, which traces each request (an
// http.server transaction) and renders that trace into the page's <head> as meta tags.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', release: 'shop@2.0.0' });

const http = require('node:http');

const assets = process.env.ASSETS_URL;

const server = http.createServer((req, res) => {
  if (!req.url.startsWith('/shop')) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    ${Sentry.getTraceMetaTags()}
    <title>Rendered by Node</title>
    <script src="${assets}/npm/sentry.js"></script>
    <script src="${assets}/subject.js"></script>
  </head>
  <body><h1>Rendered on the server</h1></body>
</html>`);
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
