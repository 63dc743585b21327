// The demo shop: an Express service with a page (loading the CDN bundle), a checkout that calls
// the inventory backend, a route with a bug, a traced workload, scheduled jobs and logs.
const { Sentry, features, initSentry, listen, log, flushRoute } = require('./instrument.cjs');

initSentry('shop');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { dirname, join } = require('node:path');
const express = require('express');
const { buildReport, runJob } = require('./workload.cjs');

const BACKEND_URL = process.env.BACKEND_URL ?? 'http://127.0.0.1:4001';
const PUBLIC_DIR = join(__dirname, '..', 'public');
const BUNDLE = join(
  dirname(require.resolve('@sentry-sdk/browser/package.json')),
  'build',
  'bundles',
  'bundle.min.js',
);

/** The price of an item; the demo's bug: a cart line without a product. */
function priceOf(line) {
  return line.product.price * line.quantity;
}

const app = express();

app.get('/', (_req, res) => res.type('html').send(readFileSync(join(PUBLIC_DIR, 'index.html'))));
app.get('/page.js', (_req, res) => res.type('js').send(readFileSync(join(PUBLIC_DIR, 'page.js'))));
app.get('/config.js', (_req, res) =>
  res
    .type('js')
    .send(
      `window.DEMO_CONFIG = ${JSON.stringify({ dsn: process.env.SENTRY_DSN ?? '', release: 'demo-shop@1.0.0' })};`,
    ),
);
app.get('/sdk/bundle.min.js', (_req, res) => res.type('js').sendFile(BUNDLE));

app.get('/api/checkout', async (req, res, next) => {
  try {
    const sku = String(req.query.sku ?? '42');
    const response = await fetch(`${BACKEND_URL}/inventory/${encodeURIComponent(sku)}`);
    if (!response.ok) {
      log('warn', 'Inventory answered an error', { sku, status: response.status });
      throw new Error(`inventory unavailable for SKU ${sku} (HTTP ${response.status})`);
    }
    const { stock } = await response.json();
    log('info', 'Checked out', { sku, stock });
    res.json({ ok: true, sku, stock });
  } catch (error) {
    next(error);
  }
});

app.get('/api/report', async (req, res, next) => {
  try {
    res.json(await buildReport(Number(req.query.orders ?? 2000)));
  } catch (error) {
    next(error);
  }
});

app.get('/api/fail', (_req, res) => {
  res.json({ total: priceOf({ quantity: 2 }) });
});

app.post('/api/jobs/:name', async (req, res, next) => {
  try {
    res.json(await runJob(req.params.name));
  } catch (error) {
    next(error);
  }
});

app.post('/__demo/flush', (_req, res) => void flushRoute(res));

if (features.expressErrorHandler) {
  Sentry.setupExpressErrorHandler(app);
} else {
  // an SDK build without the Express handler: report errors here instead
  app.use((error, _req, _res, next) => {
    Sentry.captureException(error);
    next(error);
  });
}
app.use((error, _req, res, _next) => {
  log('error', 'Request failed', { message: error.message });
  res.status(500).json({ error: error.message });
});

listen(createServer(app), 'shop');
