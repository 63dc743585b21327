// Where the bench lives, how long it may take, and how it talks while it runs.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bench workspace folder. */
export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The monorepo's root folder. */
export const REPO_DIR = resolve(BENCH_DIR, '..');

/** Scratch output (bundles, pages, raw results); ignored by git and lint. */
export const OUT_DIR = resolve(BENCH_DIR, '.out');

/** The child scripts that run one measurement each under plain `node`. */
export const CHILDREN_DIR = resolve(BENCH_DIR, 'src/children');

/** A DSN on loopback: nothing listens on port 9 (discard), and every section replaces the transport. */
export const LOOPBACK_DSN = 'http://public@127.0.0.1:9/1';

/** What every section is given. */
export interface BenchContext {
  /** The ~1-minute smoke run: fewer rounds, shorter windows. */
  quick: boolean;
  /** Prints a progress line to stderr (RESULTS.md gets the numbers). */
  log(message: string): void;
  /** A folder under OUT_DIR for this section's files, created on demand. */
  outDir(name: string): string;
}

/** The context for one run. */
export function createContext(quick: boolean): BenchContext {
  const started = Date.now();
  return {
    quick,
    log(message) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
      process.stderr.write(`[bench ${seconds}s] ${message}\n`);
    },
    outDir(name) {
      const dir = resolve(OUT_DIR, name);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
  };
}

/** Runs `rounds` rounds over `variants`, alternating the order (ABBA) so that drift hits both alike. */
export async function interleave<T>(
  rounds: number,
  variants: readonly T[],
  run: (variant: T, round: number) => Promise<void> | void,
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) await run(variant, round);
  }
}
