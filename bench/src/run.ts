// `pnpm bench [section ...] [--quick] [--out FILE]`: runs the selected sections (all by default)
// and writes RESULTS.md. A full run writes bench/RESULTS.md; a quick or partial run writes
// bench/.out/RESULTS.md unless --out says otherwise, so a smoke run never replaces the real numbers.
import { resolve } from 'node:path';
import { BENCH_DIR, createContext, OUT_DIR, type BenchContext } from './context';
import { describeMachine, readLoadAverage } from './machine';
import type { SectionReport } from './report';
import { findSdks, type Sdks } from './sdks';
import { runBrowser, runHttp, runMemory, runMicro, runProfiling, runSize, runStartup } from './sections';
import { writeResults } from './write-results';

type Section = (ctx: BenchContext, sdks: Sdks) => Promise<SectionReport>;

const SECTIONS: Record<string, Section> = {
  size: runSize,
  startup: runStartup,
  micro: runMicro,
  memory: runMemory,
  http: runHttp,
  profiling: runProfiling,
  browser: runBrowser,
};

interface Args {
  sections: string[];
  quick: boolean;
  out?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { sections: [], quick: process.env['BENCH_QUICK'] === '1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') args.quick = true;
    else if (arg === '--out') {
      const out = argv[++i];
      if (!out) throw new Error('--out needs a file name');
      args.out = out;
    } else if (arg === '--') continue;
    else if (arg in SECTIONS) args.sections.push(arg);
    else
      throw new Error(
        `unknown argument "${arg}"; sections: ${Object.keys(SECTIONS).join(', ')}; flags: --quick, --out FILE`,
      );
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const all = Object.keys(SECTIONS);
  const selected = args.sections.length ? all.filter((s) => args.sections.includes(s)) : all;
  const partial = args.quick || selected.length < all.length;
  const file = resolve(
    args.out ?? (partial ? resolve(OUT_DIR, 'RESULTS.md') : resolve(BENCH_DIR, 'RESULTS.md')),
  );
  const ctx = createContext(args.quick);
  const machine = describeMachine();
  const sdks = findSdks();
  for (const pkg of Object.values({ ...sdks.ours })) if (pkg.problem) ctx.log(`warning: ${pkg.problem}`);
  ctx.log(`sections: ${selected.join(', ')}${args.quick ? ' (quick)' : ''}`);

  const started = performance.now();
  const sections: SectionReport[] = [];
  let crashed = false;
  for (const id of selected) {
    ctx.log(`${id}: start`);
    try {
      sections.push(await SECTIONS[id]!(ctx, sdks));
    } catch (error) {
      crashed = true;
      ctx.log(`${id}: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sections.push({
        id,
        title: id,
        lines: [`The bench itself failed in this section: ${String(error)}`],
        goals: [],
      });
    }
  }
  const command = `pnpm bench${selected.length < all.length ? ` ${selected.join(' ')}` : ''}${args.quick ? ' --quick' : ''}`;
  writeResults(file, resolve(ctx.outDir('.'), 'results.json'), {
    machine,
    sdks,
    quick: args.quick,
    command,
    seconds: (performance.now() - started) / 1000,
    sections,
    skipped: all.filter((s) => !selected.includes(s)),
    loadAverageEnd: readLoadAverage(),
  });
  ctx.log(`wrote ${file}`);
  for (const goal of sections.flatMap((s) => s.goals))
    ctx.log(`goal ${goal.status}: ${goal.goal} (${goal.detail})`);
  return crashed ? 1 : 0;
}

process.exitCode = await main();
