// Bundle sizes: the same entry points for both SDKs, tree-shaken by esbuild and by rollup + terser
// with one set of settings each, and the CDN bundles. Sizes are deterministic: no rounds needed.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchContext } from '../context';
import { judge, notMeasuredYet, table, type Goal, type SectionReport } from '../report';
import type { InstalledPackage, Sdks } from '../sdks';
import { formatRatio } from '../stats';
import { bundleWithEsbuild, bundleWithRollup, measure, measureFile, type Sizes } from './bundlers';
import { buildCdnEquivalent, ourCdnBundle, type CdnBundleName, type CdnEquivalent } from './cdn-equivalent';
import { ENTRIES, type Entry } from './size-entries';

const CDN_BUNDLES: { name: CdnBundleName; label: string }[] = [
  { name: 'bundle', label: 'errors-only' },
  { name: 'bundle.tracing', label: 'tracing' },
];
const OUR_LOADER = ourCdnBundle('loader');

const BUNDLERS = [
  { id: 'esbuild', build: (entry: string, strip: boolean) => bundleWithEsbuild(entry, strip) },
  { id: 'rollup+terser', build: (entry: string, strip: boolean) => bundleWithRollup(entry, strip) },
] as const;

const kb = (s: Sizes | undefined): string =>
  s ? `${s.raw.toLocaleString('en-US')} / ${s.brotli.toLocaleString('en-US')}` : '—';
const gz = (s: Sizes | undefined): string => (s ? s.gzip.toLocaleString('en-US') : 'not measured yet');

/** Builds every entry for both SDKs and measures the CDN bundles. */
export async function runSize(ctx: BenchContext, sdks: Sdks): Promise<SectionReport> {
  const dir = ctx.outDir('size');
  const rows: string[][] = [];
  const notYet: string[] = [];
  const goals: Goal[] = [];
  const results: Record<string, { ours?: Sizes; official?: Sizes }> = {};
  // A quick run builds with esbuild only (rollup + terser takes seconds per build) and without the stripped variants.
  const bundlers = ctx.quick ? BUNDLERS.filter((b) => b.id === 'esbuild') : BUNDLERS;

  for (const entry of ENTRIES) {
    const oursMissing = entry.needs.filter((n) => !sdks.ours.browser.exports.has(n));
    if (oursMissing.length)
      notYet.push(
        notMeasuredYet(
          `${entry.label}, ${sdks.ours.browser.name}`,
          `it does not export ${oursMissing.map((n) => `\`${n}\``).join(', ')} yet`,
        ),
      );
    // The stripped variant compares like with like; for an entry only the official SDK can build, "as shipped" is enough.
    const debugModes = ctx.quick || oursMissing.length ? [false] : [false, true];
    for (const bundler of bundlers) {
      for (const strip of debugModes) {
        const key = `${entry.id} ${bundler.id}${strip ? ' debug-off' : ''}`;
        const ours = oursMissing.length
          ? undefined
          : await buildEntry(dir, entry, sdks.ours.browser, bundler, strip);
        const official = await buildEntry(dir, entry, sdks.official.browser, bundler, strip);
        results[key] = { ...(ours ? { ours } : {}), ...(official ? { official } : {}) };
        rows.push([
          entry.label,
          bundler.id,
          strip ? 'stripped' : 'as shipped',
          gz(ours),
          gz(official),
          ours && official ? formatRatio(ours.gzip, official.gzip) : 'n/a',
          kb(ours),
          kb(official),
        ]);
      }
    }
    ctx.log(`size: ${entry.id} built`);
  }

  const cdnRows: string[][] = [];
  const cdnNotes: string[] = [];
  const cdnData: Record<string, unknown> = {};
  for (const bundle of CDN_BUNDLES) {
    const cdn = await buildCdnEquivalent(ctx, sdks, bundle.name, !ctx.quick);
    const officialCdn = measureFile(cdn.officialFile);
    const file = ourCdnBundle(bundle.name);
    const oursCdn = existsSync(file) ? measureFile(file) : undefined;
    const oursRebuilt = cdn.oursRebuiltFile ? measureFile(cdn.oursRebuiltFile) : undefined;
    cdnRows.push(
      [
        `ours: packages/browser/build/bundles/${bundle.name}.min.js (as shipped)`,
        gz(oursCdn),
        oursCdn ? formatRatio(oursCdn.gzip, officialCdn.gzip) : 'n/a',
        kb(oursCdn),
      ],
      ...(ctx.quick
        ? []
        : [
            [
              `ours: the ${bundle.name} names rebuilt by the bench from the npm build`,
              gz(oursRebuilt),
              oursRebuilt ? formatRatio(oursRebuilt.gzip, officialCdn.gzip) : 'n/a',
              kb(oursRebuilt),
            ],
          ]),
      [
        `official: equivalent of ${bundle.name} built by the bench from @sentry/browser`,
        gz(officialCdn),
        '1.00×',
        kb(officialCdn),
      ],
    );
    cdnNotes.push(describeEquivalent(bundle.name, cdn));
    goals.push(
      judge(
        `${bundle.label} CDN bundle ≤ 50 % of the official gzip size`,
        [oursCdn?.gzip ?? Number.NaN],
        () => oursCdn!.gzip <= 0.5 * officialCdn.gzip,
        `${gz(oursCdn)} B vs ${gz(officialCdn)} B gzip: ${formatRatio(oursCdn?.gzip ?? Number.NaN, officialCdn.gzip)}`,
      ),
    );
    cdnData[bundle.name] = { ours: oursCdn, oursRebuilt, official: officialCdn, names: cdn.names };
  }
  const loader = existsSync(OUR_LOADER) ? measureFile(OUR_LOADER) : undefined;
  goals.push(
    judge(
      'loader snippet under 1.5 KB gzip (issue 10 budget; the official loader is served by sentry.io, not on npm)',
      [loader?.gzip ?? Number.NaN],
      () => loader!.gzip < 1536,
      `${gz(loader)} B gzip`,
    ),
  );

  const init = ENTRIES[0]!;
  for (const bundler of bundlers) {
    const r = results[`${init.id} ${bundler.id}`];
    goals.push(
      judge(
        `errors-only bundle (\`init\`, ${bundler.id}) ≤ 50 % of the official gzip size`,
        [r?.ours?.gzip ?? Number.NaN, r?.official?.gzip ?? Number.NaN],
        () => r!.ours!.gzip <= 0.5 * r!.official!.gzip,
        `${gz(r?.ours)} B vs ${gz(r?.official)} B gzip: ${formatRatio(r?.ours?.gzip ?? Number.NaN, r?.official?.gzip ?? Number.NaN)}`,
      ),
    );
  }
  const lastBundler = bundlers[bundlers.length - 1]!.id;
  const tracing = results[`tracing ${lastBundler}`];
  goals.push(
    judge(
      `tracing bundle (\`init\` + \`browserTracingIntegration\`, ${lastBundler}) ≤ 50 % of the official gzip size`,
      [tracing?.ours?.gzip ?? Number.NaN, tracing?.official?.gzip ?? Number.NaN],
      () => tracing!.ours!.gzip <= 0.5 * tracing!.official!.gzip,
      tracing?.ours
        ? `${gz(tracing.ours)} B vs ${gz(tracing.official)} B gzip`
        : `${sdks.ours.browser.name} does not export \`browserTracingIntegration\` yet`,
    ),
  );

  const lines = [
    'Each entry is a tiny ES module importing from the package name, bundled for the browser with the same settings ' +
      'for both SDKs. esbuild: `bundle`, `minify`, `format: esm`, `platform: browser`. rollup: `@rollup/plugin-node-resolve` ' +
      '(browser), `@rollup/plugin-commonjs`, `@rollup/plugin-terser` (`ecma: 2020`, `compress.passes: 2`, no comments), ESM ' +
      'output. "as shipped" uses no defines: what a user gets by default (the official npm build is already its ' +
      'production build; ours keeps its debug messages unless `__DEBUG_BUILD__` is defined). "stripped" defines ' +
      '`__DEBUG_BUILD__` and `__SENTRY_DEBUG__` as `false` for both. Bytes: gzip level 9 and brotli quality 11.',
    '',
    ...table(
      [
        'entry',
        'bundler',
        'debug code',
        'ours gzip B',
        'official gzip B',
        'ours ÷ official (gzip)',
        'ours raw / brotli B',
        'official raw / brotli B',
      ],
      rows,
    ),
    ...(notYet.length ? ['', ...notYet] : []),
    ...(ctx.quick
      ? ['', '(quick run: esbuild only, no "stripped" builds, and the CDN bundle of ours was not rebuilt.)']
      : []),
    '',
    '### CDN bundles',
    '',
    'The official npm package ships no CDN bundle, so the bench builds an equivalent of each of ours: an entry ' +
      're-exporting from `@sentry/browser` the names our bundle puts on `window.Sentry`, bundled by rollup as an IIFE ' +
      "named `Sentry` with node-resolve, commonjs and the terser settings above, debug code stripped (as both SDKs' CDN " +
      'bundles are).',
    '',
    ...cdnNotes,
    '',
    ...table(['bundle', 'gzip B', 'ours ÷ official (gzip)', 'raw / brotli B'], cdnRows),
    '',
    '### Loader snippet',
    '',
    loader
      ? `Ours (packages/browser/build/bundles/loader.min.js, the inline snippet): ${kb(loader)} B raw / brotli, **${gz(loader)} B gzip**. ` +
        'The official loader script is served by sentry.io per project and is not published on npm, so there is no side-by-side number.'
      : notMeasuredYet('Loader snippet', 'packages/browser/build/bundles/loader.min.js is not built'),
  ];
  return {
    id: 'size',
    title: 'Bundle size',
    lines,
    goals,
    data: { results, cdn: cdnData, loader },
  };
}

function describeEquivalent(bundle: CdnBundleName, cdn: CdnEquivalent): string {
  const missing = cdn.missingInOfficial.length
    ? `${cdn.missingInOfficial.length} have no counterpart in @sentry/browser and are left out of it: ${cdn.missingInOfficial.map((n) => `\`${n}\``).join(', ')}.`
    : 'every one has a counterpart in @sentry/browser.';
  return `- \`${bundle}\`: ${cdn.names.length} names, read from ${cdn.namesFrom}; ${missing}`;
}

async function buildEntry(
  dir: string,
  entry: Entry,
  pkg: InstalledPackage,
  bundler: (typeof BUNDLERS)[number],
  strip: boolean,
): Promise<Sizes | undefined> {
  if (entry.needs.some((n) => !pkg.exports.has(n))) return undefined;
  const file = resolve(dir, `${pkg.name.replace(/[@/]/g, '_')}-${entry.id}.mjs`);
  writeFileSync(file, entry.source(pkg.name));
  return measure(await bundler.build(file, strip));
}
