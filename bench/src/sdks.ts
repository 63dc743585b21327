// The SDKs under test: where they are installed, their versions and the names they export now.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { BENCH_DIR } from './context';

const requireFromBench = createRequire(resolve(BENCH_DIR, 'package.json'));

/** One installed package: its folder, version and the export names of its ESM entry. */
export interface InstalledPackage {
  name: string;
  dir: string;
  version: string;
  /** Empty when the package is not built. */
  exports: ReadonlySet<string>;
  /** Why `exports` is empty, when it is. */
  problem?: string;
}

/** Both SDKs, browser and Node, as this run finds them. */
export interface Sdks {
  ours: { browser: InstalledPackage; node: InstalledPackage; core: InstalledPackage };
  official: { browser: InstalledPackage; node: InstalledPackage; core: InstalledPackage };
}

/** Reads every package once; export names come from the built ESM entry, so a feature counts once it is built. */
export function findSdks(): Sdks {
  return {
    ours: {
      browser: inspect('@sentry-sdk/browser'),
      node: inspect('@sentry-sdk/node'),
      core: inspect('@sentry-sdk/core'),
    },
    official: {
      browser: inspect('@sentry/browser'),
      node: inspect('@sentry/node'),
      core: inspect('@sentry/core'),
    },
  };
}

function inspect(name: string): InstalledPackage {
  const manifestPath = requireFromBench.resolve(`${name}/package.json`);
  const dir = dirname(manifestPath);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string; module?: string };
  const entry = resolve(dir, manifest.module ?? 'build/esm/index.js');
  try {
    const result = buildSync({
      entryPoints: [entry],
      bundle: false,
      metafile: true,
      write: false,
      outdir: 'x',
      logLevel: 'silent',
    });
    const exports = Object.values(result.metafile.outputs).flatMap((output) => output.exports);
    return { name, dir, version: manifest.version, exports: new Set(exports) };
  } catch (error) {
    return {
      name,
      dir,
      version: manifest.version,
      exports: new Set(),
      problem: `${entry} could not be read (${String(error)}); build it first`,
    };
  }
}

/** The first export of `names` that a package has, if any. */
export function findExport(pkg: InstalledPackage, names: readonly string[]): string | undefined {
  return names.find((n) => pkg.exports.has(n));
}
