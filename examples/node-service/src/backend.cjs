// The inventory backend the shop calls: a plain node:http server in its own process, so that a
// checkout is one trace across two services.
const { Sentry, initSentry, listen, log, flushRoute } = require('./instrument.cjs');

initSentry('inventory');
const http = require('node:http');

const STOCK = { 42: 7, 7: 0 };

/** Looks a SKU up; `crash` stands for a bug in the ledger code. */
function checkStock(sku) {
  return Sentry.startSpan({ name: 'check stock', op: 'function', attributes: { sku } }, () => {
    if (sku === 'crash') throw new RangeError(`stock ledger index out of range for SKU ${sku}`);
    log('debug', 'Stock looked up', { sku, stock: STOCK[sku] ?? 0 });
    return STOCK[sku] ?? 0;
  });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://inventory');
  if (req.method === 'POST' && url.pathname === '/__demo/flush') return void flushRoute(res);
  const match = /^\/inventory\/([\w-]+)$/.exec(url.pathname);
  if (!match) return void res.writeHead(404).end();
  try {
    const stock = checkStock(match[1]);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sku: match[1], stock }));
  } catch (error) {
    // a plain http server has no error middleware: report, then answer
    Sentry.captureException(error);
    res
      .writeHead(500, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: 'inventory failed' }));
  }
});
listen(server, 'inventory');
