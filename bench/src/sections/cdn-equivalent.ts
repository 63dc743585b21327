// The official SDK's npm package ships no CDN bundle, so the bench builds an equivalent one: an IIFE
// defining `Sentry` with the names our CDN bundle exports, from @sentry/browser, by rollup + terser.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext as createVmContext, runInContext } from 'node:vm';
import { REPO_DIR, type BenchContext } from '../context';
import type { Sdks } from '../sdks';
import { bundleWithRollup } from './bundlers';

/** The CDN bundles compared with an official equivalent: errors only, and errors + tracing. */
export type CdnBundleName = 'bundle' | 'bundle.tracing';

/** Our shipped CDN file of that name (a bundle, or `loader`). */
export function ourCdnBundle(bundle: CdnBundleName | 'loader'): string {
  return resolve(REPO_DIR, `packages/browser/build/bundles/${bundle}.min.js`);
}

/** The equivalent bundles built here, and the names they carry. */
export interface CdnEquivalent {
  /** Names on our bundle's `window.Sentry`, and where they were read from. */
  names: string[];
  namesFrom: string;
  /** Our names that @sentry/browser does not export (left out of its bundle). */
  missingInOfficial: string[];
  officialFile: string;
  /** Our same names, bundled from @sentry-sdk/browser's npm build by the same method. */
  oursRebuiltFile?: string;
}

const cached = new Map<CdnBundleName, Promise<CdnEquivalent>>();

/**
 * Builds (once per run) the official IIFE and, with `rebuildOurs`, ours by the same method when our
 * browser package exports the names.
 */
export function buildCdnEquivalent(
  ctx: BenchContext,
  sdks: Sdks,
  bundle: CdnBundleName,
  rebuildOurs = false,
): Promise<CdnEquivalent> {
  let built = cached.get(bundle);
  if (!built) {
    built = build(ctx, sdks, bundle, rebuildOurs);
    cached.set(bundle, built);
  }
  return built;
}

async function build(
  ctx: BenchContext,
  sdks: Sdks,
  bundle: CdnBundleName,
  rebuildOurs: boolean,
): Promise<CdnEquivalent> {
  const dir = ctx.outDir('cdn');
  const { names, from } = readOurBundleNames(bundle);
  const official = names.filter((n) => sdks.official.browser.exports.has(n));
  const officialEntry = resolve(dir, `official-${bundle}-entry.mjs`);
  writeFileSync(officialEntry, `export { ${official.join(', ')} } from '${sdks.official.browser.name}';\n`);
  const officialFile = resolve(dir, `official-${bundle}.min.js`);
  writeFileSync(officialFile, await bundleWithRollup(officialEntry, true, 'iife'));
  const result: CdnEquivalent = {
    names,
    namesFrom: from,
    missingInOfficial: names.filter((n) => !official.includes(n)),
    officialFile,
  };
  if (rebuildOurs && names.length && names.every((n) => sdks.ours.browser.exports.has(n))) {
    const oursEntry = resolve(dir, `ours-${bundle}-entry.mjs`);
    writeFileSync(oursEntry, `export { ${names.join(', ')} } from '${sdks.ours.browser.name}';\n`);
    result.oursRebuiltFile = resolve(dir, `ours-${bundle}.rebuilt.min.js`);
    writeFileSync(result.oursRebuiltFile, await bundleWithRollup(oursEntry, true, 'iife'));
  }
  ctx.log(`cdn: built the official equivalent of ${bundle} with ${official.length} names`);
  return result;
}

/** The names on `window.Sentry` after our bundle runs in an empty VM context; else the bundle entry's export list. */
function readOurBundleNames(bundle: CdnBundleName): { names: string[]; from: string } {
  const file = ourCdnBundle(bundle);
  if (existsSync(file)) {
    try {
      const sandbox: Record<string, unknown> = {};
      sandbox['window'] = sandbox;
      sandbox['self'] = sandbox;
      const context = createVmContext(sandbox);
      runInContext(readFileSync(file, 'utf8'), context, { timeout: 5000 });
      const global = sandbox['Sentry'];
      if (global && typeof global === 'object') {
        return {
          names: Object.keys(global).sort(),
          from: `the global \`Sentry\` of packages/browser/build/bundles/${bundle}.min.js`,
        };
      }
    } catch {
      // fall back to the source's export list
    }
  }
  const entry = resolve(REPO_DIR, `packages/browser/src/bundles/${bundle}.ts`);
  if (!existsSync(entry))
    return { names: [], from: `nowhere: packages/browser/src/bundles/${bundle}.ts does not exist yet` };
  const source = readFileSync(entry, 'utf8');
  const list = /export\s*\{([^}]*)\}\s*from/.exec(source)?.[1] ?? '';
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => /^\w+$/.test(n))
    .sort();
  return { names, from: `the export list of packages/browser/src/bundles/${bundle}.ts` };
}
