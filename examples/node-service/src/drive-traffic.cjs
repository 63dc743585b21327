// The demo's traffic: requests to the shop, and a visit of its page in a browser.
/* global window, document -- the functions given to page.waitForFunction and page.evaluate run in the page */

/** The shop requests the demo makes, each with the status it should answer. */
const HTTP_STEPS = [
  {
    method: 'GET',
    path: '/api/checkout?sku=42',
    status: 200,
    what: 'a checkout: shop → inventory, one trace',
  },
  { method: 'GET', path: '/api/fail', status: 500, what: 'a route with a bug' },
  {
    method: 'GET',
    path: '/api/checkout?sku=crash',
    status: 500,
    what: 'a checkout the inventory fails: errors in both services',
  },
  { method: 'GET', path: '/api/report?orders=5000', status: 200, what: 'a traced, database-free workload' },
  {
    method: 'GET',
    path: '/api/fail',
    status: 500,
    what: 'the same bug again: the same issue, counted twice',
  },
  { method: 'POST', path: '/api/jobs/nightly-report', status: 200, what: 'a cron job that succeeds' },
  { method: 'POST', path: '/api/jobs/inventory-sync', status: 200, what: 'a cron job that fails' },
];

/** Makes the shop requests; returns one line per request. */
async function driveHttpTraffic(shopUrl) {
  const lines = [];
  for (const step of HTTP_STEPS) {
    const response = await fetch(`${shopUrl}${step.path}`, { method: step.method });
    await response.arrayBuffer();
    const mark = response.status === step.status ? 'ok' : `expected ${step.status}`;
    lines.push(`${step.method} ${step.path} → ${response.status} (${mark}): ${step.what}`);
  }
  return lines;
}

/**
 * Visits the shop's page in a Playwright page: buys (fetch to the shop), buys what the inventory
 * fails on, navigates with the History API, hits the page's bug, then follows a link to a second
 * page. Waits for the page's SDK to send before each real navigation.
 */
async function driveBrowserTraffic(page, shopUrl) {
  const lines = [];
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${shopUrl}/`);
  await page.waitForFunction(() => window.__demoReady === true);
  await page.click('#buy');
  await page.waitForFunction(() => document.getElementById('out').textContent.includes('checkout 42'));
  await page.click('#buy-broken');
  await page.waitForFunction(() => document.getElementById('out').textContent.includes('checkout crash'));
  await page.click('#cart');
  await page.click('#break');
  await page.evaluate(() => window.Sentry.flush(5000));
  lines.push(`page ${shopUrl}/: bought, navigated to /cart, threw: ${pageErrors.join('; ') || 'nothing'}`);
  await page.click('#next');
  await page.waitForURL('**/?step=2');
  await page.waitForFunction(() => window.__demoReady === true);
  await page.evaluate(() => window.Sentry.flush(5000));
  lines.push(`page ${page.url()}: loaded`);
  return lines;
}

module.exports = { HTTP_STEPS, driveHttpTraffic, driveBrowserTraffic };
