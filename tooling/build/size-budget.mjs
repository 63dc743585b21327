// Checks the gzip size of each emitted bundle against a checked-in budget and fails the build past it.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { mergeJsonFile } from './sri-manifest.mjs';

/** Raw, gzip and brotli byte counts of a piece of code. */
export function measureSize(code) {
  const bytes = Buffer.from(code);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * Rollup plugin: compares each chunk's gzip size with `budgets[key].gzip` and records every size
 * in `size-report.json` in `reportDir` (default: beside the bundles). Written chunks are keyed by
 * file name; with `entryPoint` set, the chunk is an npm entry point measured only: it is keyed
 * `entryPoint` and not written.
 * @param {string} budgetFile
 * @param {{ entryPoint?: string, reportDir?: string }} [options]
 */
export function sizeBudget(budgetFile, { entryPoint, reportDir } = {}) {
  const check = (context, key, code, outDir) => {
    const budgets = JSON.parse(readFileSync(budgetFile, 'utf8'));
    const size = measureSize(code);
    mergeJsonFile(join(reportDir ?? outDir, 'size-report.json'), { [key]: size });
    const budget = budgets[key];
    const verdict = budget ? `budget ${budget.gzip} B gzip` : 'no budget';
    context.info(`${key}: ${size.raw} B raw, ${size.gzip} B gzip, ${size.brotli} B brotli (${verdict})`);
    if (!budget) context.error(`${key} has no size budget in ${budgetFile}`);
    if (size.gzip > budget.gzip) {
      context.error(`${key} is ${size.gzip} B gzip, over its budget of ${budget.gzip} B (${budgetFile})`);
    }
  };
  return {
    name: 'size-budget',
    generateBundle(options, bundle) {
      if (!entryPoint) return;
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type === 'chunk') check(this, entryPoint, chunk.code, reportDir);
        delete bundle[fileName];
      }
    },
    writeBundle(options, bundle) {
      if (entryPoint) return;
      const outDir = options.dir ?? dirname(options.file);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        check(this, basename(chunk.fileName), chunk.code, outDir);
      }
    },
  };
}
