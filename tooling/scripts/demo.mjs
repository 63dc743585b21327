// The README's demo command: builds everything, starts the sidecar, runs the example apps of
// examples/ against it (a Node shop calling a second service, and its page in headless Chromium),
// then prints the viewer's address and what arrived. Runs until Ctrl-C; `--exit` stops after the
// summary (what tests and CI use).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ready, REPO_ROOT } from './ready.mjs';

const EXIT = process.argv.includes('--exit');
const SIDECAR_PORT = 8969;
// Debian's Chromium, as the browser suites use it (tooling/test-utils/src/chromium.ts).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const log = (message = '') => console.log(message);

await ready({ browser: false, services: false });
const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], {
  stdio: 'inherit',
  cwd: REPO_ROOT,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const { startSidecar } = await import(
  pathToFileURL(join(REPO_ROOT, 'packages/sidecar/build/esm/index.js')).href
);
const examplesRequire = createRequire(join(REPO_ROOT, 'examples/node-service/package.json'));
const examples = examplesRequire('./src/index.cjs');

const dataDir = mkdtempSync(join(tmpdir(), 'sentry-sdk-demo-'));
const sidecar = await startSidecar({ port: (await isPortFree(SIDECAR_PORT)) ? SIDECAR_PORT : 0, dataDir });
let apps;
const shutdown = async (code) => {
  if (apps) await Promise.all([examples.stopExample(apps.shop), examples.stopExample(apps.backend)]);
  await sidecar.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
};
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  log(`\nsidecar listening at ${sidecar.url} (DSN ${sidecar.dsn}, data in ${dataDir})`);
  apps = await examples.startExamples(sidecar.dsn);
  log(`example shop at ${apps.shop.url}, inventory backend at ${apps.backend.url}`);
  reportFeatures(apps.shop.features);

  log('\nrequests to the shop:');
  for (const line of await examples.driveHttpTraffic(apps.shop.url)) log(`  ${line}`);
  log('\nthe shop page in a browser:');
  for (const line of await driveBrowser(apps.shop.url)) log(`  ${line}`);

  await Promise.all([examples.flushExample(apps.shop), examples.flushExample(apps.backend)]);
  await examples.waitUntilQuiet(() => sidecar.store.getSummary());
  printSummary(sidecar);
} catch (error) {
  console.error(`\ndemo failed: ${error instanceof Error ? error.stack : error}`);
  await shutdown(1);
}

const summary = sidecar.store.getSummary();
if (EXIT) await shutdown(summary.issues > 0 && summary.traces > 0 ? 0 : 1);
log(
  `\nOpen ${sidecar.url} — the sidecar and the example shop (${apps.shop.url}) keep running; Ctrl-C stops them.`,
);

/** Visits the shop's page in headless Chromium, or says why the browser part is skipped. */
async function driveBrowser(shopUrl) {
  if (!existsSync(CHROMIUM)) {
    return [
      `skipped: no Chromium at ${CHROMIUM}. \`npm test\` installs Debian's (as root), or: apt-get install -y chromium.`,
      `Open ${shopUrl}/ in your own browser to send the page's events.`,
    ];
  }
  const { chromium } = examplesRequire('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    return await examples.driveBrowserTraffic(await browser.newPage(), shopUrl);
  } finally {
    await browser.close();
  }
}

function reportFeatures(features) {
  if (!features.logs) log('note: this build of @sentry-sdk/node has no `logger`: the demo sends no logs');
  if (!features.crons)
    log('note: this build of @sentry-sdk/node has no `withMonitor`: the demo sends no check-ins');
  log('note: the CDN bundle has no browser tracing yet: the page sends errors and sessions, not page loads');
}

function printSummary(target) {
  const summary = target.store.getSummary();
  log(`\nWhat arrived at the sidecar (${summary.envelopes} envelopes):`);
  for (const [kind, count] of Object.entries(summary.items)) {
    log(
      `  ${kind.padEnd(14)} ${String(count).padStart(4)}${kind === 'log' ? `  (${summary.logs} logs)` : ''}`,
    );
  }
  log(`\nIssues (${summary.issues}):`);
  for (const issue of target.store.listIssues()) {
    log(
      `  ${String(issue.count).padStart(3)}×  ${issue.title}${issue.culprit ? `  — ${issue.culprit}` : ''}`,
    );
  }
  log(`\nTraces (${summary.traces}):`);
  for (const trace of target.store.listTraces()) {
    const duration =
      trace.start !== null && trace.end !== null ? `${Math.round((trace.end - trace.start) * 1000)} ms` : '';
    const errors = trace.errors > 0 ? `, ${trace.errors} error${trace.errors > 1 ? 's' : ''}` : '';
    log(
      `  ${(trace.name ?? '?').padEnd(28)} ${duration.padStart(7)}  ${trace.transactions} transaction${trace.transactions > 1 ? 's' : ''}${errors}  ${target.url}/#/traces/${trace.trace_id}`,
    );
  }
  const monitors = target.store.listCheckIns();
  if (monitors.length > 0) {
    log('\nCron monitors:');
    for (const monitor of monitors)
      log(
        `  ${monitor.monitor_slug.padEnd(16)} ${monitor.checkins.map((checkIn) => checkIn.status).join(' → ')}`,
      );
  }
  log(`\nThe viewer: ${target.url}`);
}

function isPortFree(port) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}
