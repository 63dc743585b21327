// Checks the gzip size of each emitted bundle against a checked-in budget and fails the build past it.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
 * Rollup plugin: after writing, compares each chunk's gzip size with `budgets[fileName].gzip`
 * and records every size in `size-report.json` beside the bundles.
 * @param {string} budgetFile
 */
export function sizeBudget(budgetFile) {
  return {
    name: 'size-budget',
    writeBundle(options, bundle) {
      const budgets = JSON.parse(readFileSync(budgetFile, 'utf8'));
      const outDir = options.dir ?? dirname(options.file);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const fileName = basename(chunk.fileName);
        const size = measureSize(chunk.code);
        recordSize(outDir, fileName, size);
        const budget = budgets[fileName];
        const verdict = budget ? `budget ${budget.gzip} B gzip` : 'no budget';
        this.info(`${fileName}: ${size.raw} B raw, ${size.gzip} B gzip, ${size.brotli} B brotli (${verdict})`);
        if (!budget) this.error(`${fileName} has no size budget in ${budgetFile}`);
        if (size.gzip > budget.gzip) {
          this.error(`${fileName} is ${size.gzip} B gzip, over its budget of ${budget.gzip} B (${budgetFile})`);
        }
      }
    },
  };
}

function recordSize(outDir, fileName, size) {
  mkdirSync(outDir, { recursive: true });
  const reportFile = join(outDir, 'size-report.json');
  let report = {};
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    // first bundle of this build
  }
  report[fileName] = size;
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
}
