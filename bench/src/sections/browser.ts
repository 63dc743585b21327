// Browser runtime: both SDKs' CDN-style bundles in real Chromium, pages served on 127.0.0.1,
// runs interleaved; each run is a fresh browser context.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getChromiumSkipReason, launchChromium, startStaticServer } from '@sentry-sdk/test-utils';
import { interleave, type BenchContext } from '../context';
import { notMeasuredYet, table, type SectionReport } from '../report';
import type { Sdks } from '../sdks';
import { formatRatio, formatSummary, summarize } from '../stats';
import { pageHtml, type PageResult } from './browser-page';
import { buildCdnEquivalent, ourCdnBundle } from './cdn-equivalent';

const OUR_CDN_BUNDLE = ourCdnBundle('bundle');

const TITLE = 'Browser runtime (Chromium)';

/** Loads each SDK's bundle in Chromium and times init and captureException. */
export async function runBrowser(ctx: BenchContext, sdks: Sdks): Promise<SectionReport> {
  const skip = getChromiumSkipReason();
  if (skip) return { id: 'browser', title: TITLE, lines: [`Skipped: ${skip}.`], goals: [] };
  if (!existsSync(OUR_CDN_BUNDLE) || !sdks.ours.browser.exports.has('init')) {
    return {
      id: 'browser',
      title: TITLE,
      lines: [
        notMeasuredYet(
          'Chromium runtime',
          `${sdks.ours.browser.name} has no built CDN bundle with \`init\` yet`,
        ),
      ],
      goals: [],
    };
  }
  const rounds = ctx.quick ? 3 : 10;
  const calls = ctx.quick ? 200 : 1000;
  const dir = ctx.outDir('browser');
  const cdn = await buildCdnEquivalent(ctx, sdks, 'bundle');
  copyFileSync(OUR_CDN_BUNDLE, resolve(dir, 'ours.js'));
  copyFileSync(cdn.officialFile, resolve(dir, 'official.js'));
  const variants = [
    { id: 'ours', label: `${sdks.ours.browser.name} bundle.min.js` },
    { id: 'official', label: `${sdks.official.browser.name} equivalent IIFE` },
  ];
  for (const v of variants) writeFileSync(resolve(dir, `${v.id}.html`), pageHtml(`/${v.id}.js`, calls));

  const samples = new Map(variants.map((v) => [v, [] as PageResult[]]));
  const errors: string[] = [];
  const server = await startStaticServer({ mounts: { '/': dir } });
  const browser = await launchChromium();
  try {
    await interleave(rounds, variants, async (variant) => {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/${variant.id}.html`);
        samples.get(variant)?.push(await page.evaluate<PageResult>('window.__benchResult'));
      } catch (error) {
        errors.push(`${variant.id}: ${String(error).slice(0, 200)}`);
      } finally {
        await context.close();
      }
    });
  } finally {
    await browser.close();
    await server.close();
  }
  ctx.log(`browser: ${rounds} round(s) done`);

  const stat = (v: (typeof variants)[number], pick: (r: PageResult) => number) =>
    summarize((samples.get(v) ?? []).map(pick));
  const metrics: [string, (r: PageResult) => number][] = [
    ['bundle `<script>` load and evaluation, ms', (r) => r.evalMs],
    ['`Sentry.init`, ms', (r) => r.initMs],
    ['first `captureException` until its envelope reached the transport, ms', (r) => r.firstCaptureMs],
    [`\`captureException\`, µs per call (${calls} calls, steady state)`, (r) => r.captureUs],
  ];
  const [ours, official] = variants as [(typeof variants)[0], (typeof variants)[0]];
  const rows = metrics.map(([label, pick]) => {
    const a = stat(ours, pick);
    const b = stat(official, pick);
    return [label, formatSummary(a), formatSummary(b), formatRatio(a.median, b.median)];
  });
  const browserVersion = browser.version();
  const lines = [
    `Chromium ${browserVersion}, headless, through \`launchChromium\` (Debian's Chromium via playwright-core). ${rounds} rounds; ` +
      'in each, one page per SDK (a fresh browser context each, alternating order) served from 127.0.0.1. The page times ' +
      "the bundle's `<script>` evaluation, then `Sentry.init({ dsn, transport, maxErrorsPerMinute: 0 })` (the last turns off this SDK's client-side throttle; the official SDK ignores it) with a transport that counts envelopes " +
      'and does nothing else (default integrations of each bundle), then one cold `captureException`, then ' +
      `${calls} more in batches of 50, each batch awaited until its envelopes reached the transport. Ours is the shipped ` +
      '`bundle.min.js`; the official one is the equivalent IIFE of the size section. Medians (IQR); lower is better, ' +
      'so a ratio below 1 favours ours. `performance.now()` in Chromium is coarsened (about 0.1 ms).',
    '',
    ...table(['measure', `ours`, `official`, 'ours ÷ official'], rows),
  ];
  const dropped = [...samples.values()].flat().some((r) => r.events < r.calls);
  if (dropped) lines.push('', 'Some runs saw fewer events reach the transport than were captured.');
  if (errors.length) lines.push('', `Failed page runs (${errors.length}): ${errors.slice(0, 3).join('; ')}`);
  return {
    id: 'browser',
    title: TITLE,
    lines,
    goals: [],
    data: Object.fromEntries([...samples].map(([v, s]) => [v.id, s])),
  };
}
