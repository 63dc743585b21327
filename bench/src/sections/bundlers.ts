// The two bundlers the size section builds with, each with one fixed set of settings for both SDKs.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { build } from 'esbuild';
import { rollup } from 'rollup';

/** Raw, gzip (level 9) and brotli (quality 11) byte counts, as the repository's size budget counts them. */
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Build-time flags that compile debug logging away: this SDK's and the official SDK's. */
export const DEBUG_OFF = { __DEBUG_BUILD__: 'false', __SENTRY_DEBUG__: 'false' } as const;

/** The terser settings of the repository's CDN bundles (tooling/build), used for every rollup build here. */
const TERSER = { ecma: 2020, compress: { passes: 2 }, format: { comments: false } } as const;

/** Sizes of a piece of code. */
export function measure(code: string | Buffer): Sizes {
  const bytes = typeof code === 'string' ? Buffer.from(code) : code;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Sizes of a file on disk. */
export function measureFile(path: string): Sizes {
  return measure(readFileSync(path));
}

/** esbuild: bundle, minify, ESM, platform browser (tree-shaking is on for ESM bundles). */
export async function bundleWithEsbuild(entry: string, stripDebug: boolean): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    ...(stripDebug ? { define: { ...DEBUG_OFF } } : {}),
  });
  return result.outputFiles[0]?.text ?? '';
}

/** rollup + node-resolve (browser) + commonjs + terser, as ESM or as an IIFE defining `Sentry`. */
export async function bundleWithRollup(
  entry: string,
  stripDebug: boolean,
  format: 'esm' | 'iife' = 'esm',
): Promise<string> {
  const bundle = await rollup({
    input: entry,
    onwarn: () => undefined,
    plugins: [
      ...(stripDebug ? [replace({ preventAssignment: true, values: { ...DEBUG_OFF } })] : []),
      nodeResolve({ browser: true }),
      commonjs(),
      terser(TERSER),
    ],
  });
  try {
    const { output } = await bundle.generate({ format, name: 'Sentry', generatedCode: 'es2015' });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}
