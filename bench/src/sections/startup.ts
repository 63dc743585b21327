// Node start-up: whole-process wall time and peak RSS of `node` requiring or importing an SDK and
// calling init({ dsn }), against bare `node`, CommonJS and ES modules, runs interleaved.
import { interleave, LOOPBACK_DSN, type BenchContext } from '../context';
import { judge, table, type SectionReport } from '../report';
import { runChild } from '../run-child';
import type { Sdks } from '../sdks';
import { formatNumber, formatRatio, formatSummary, summarize, type Summary } from '../stats';

interface StartupSample {
  sinceStartMs: number;
  importInitMs: number;
  peakRssKiB: number;
  rssSource: string;
}

interface Variant {
  label: string;
  format: 'cjs' | 'esm';
  pkg: string;
}

/** Measures start-up of both Node SDKs and bare node. */
export async function runStartup(ctx: BenchContext, sdks: Sdks): Promise<SectionReport> {
  const runs = ctx.quick ? 5 : 15;
  const variants: Variant[] = (['cjs', 'esm'] as const).flatMap((format) => [
    { label: 'bare node', format, pkg: 'none' },
    { label: `${sdks.ours.node.name}`, format, pkg: sdks.ours.node.name },
    { label: `${sdks.official.node.name}`, format, pkg: sdks.official.node.name },
  ]);
  const samples = new Map<Variant, { wall: number[]; inProcess: number[]; rss: number[] }>(
    variants.map((v) => [v, { wall: [], inProcess: [], rss: [] }]),
  );
  const errors: string[] = [];
  await interleave(runs, variants, async (variant) => {
    const script = variant.format === 'cjs' ? 'startup.cjs' : 'startup.mjs';
    const run = await runChild<StartupSample>(script, [variant.pkg, LOOPBACK_DSN], { timeoutMs: 20_000 });
    const into = samples.get(variant);
    if (!run.result || !into) return void errors.push(run.error ?? 'no result');
    into.wall.push(run.wallMs);
    into.inProcess.push(run.result.importInitMs);
    into.rss.push(run.result.peakRssKiB / 1024);
  });
  ctx.log(`start-up: ${runs} runs of ${variants.length} variants done`);

  const rows: string[][] = [];
  const overhead: Record<string, { ours: number; official: number }> = {};
  for (const format of ['cjs', 'esm'] as const) {
    const [bare, ours, official] = variants
      .filter((v) => v.format === format)
      .map((v) => summaries(samples.get(v)));
    if (!bare || !ours || !official) continue;
    const oursOver = ours.wall.median - bare.wall.median;
    const officialOver = official.wall.median - bare.wall.median;
    overhead[format] = { ours: oursOver, official: officialOver };
    for (const [label, s] of [
      ['bare node', bare],
      [sdks.ours.node.name, ours],
      [sdks.official.node.name, official],
    ] as const) {
      rows.push([
        format.toUpperCase(),
        label,
        formatSummary(s.wall),
        label === 'bare node' ? '—' : formatNumber(s.wall.median - bare.wall.median),
        label === 'bare node' ? '—' : formatSummary(s.inProcess),
        formatSummary(s.rss),
      ]);
    }
    rows.push([
      format.toUpperCase(),
      `ratio official / ours (import+init over bare)`,
      '',
      formatRatio(officialOver, oursOver),
      formatRatio(official.inProcess.median, ours.inProcess.median),
      formatRatio(official.rss.median, ours.rss.median),
    ]);
  }

  const lines = [
    `${runs} runs per variant, interleaved (ABBA order per round). Each run is a fresh \`node\` process that ` +
      '`require`s or `import`s the SDK and calls `init({ dsn })` with a DSN on 127.0.0.1 and default options; ' +
      'wall time is measured by the parent from spawn to exit, import+init inside the child with `performance.now()`, ' +
      'peak RSS is read by the child at exit from `VmHWM` in /proc/self/status (`process.resourceUsage().maxRSS` would ' +
      'also hold the high-water mark of the bench process copied at fork, which hides anything smaller). ' +
      '"over bare" is the median wall time minus bare node\'s. Medians (IQR).',
    '',
    ...table(
      ['format', 'variant', 'wall ms', 'over bare ms', 'import+init ms (in process)', 'peak RSS MiB'],
      rows,
    ),
  ];
  if (errors.length) lines.push('', `Failed runs (${errors.length}): ${errors.slice(0, 3).join('; ')}`);

  const goals = (['cjs', 'esm'] as const).map((format) => {
    const o = overhead[format] ?? { ours: Number.NaN, official: Number.NaN };
    return judge(
      `Node import+init ≥ 5× faster than the official SDK (${format.toUpperCase()}, wall time over bare node)`,
      [o.ours, o.official],
      () => o.official / o.ours >= 5,
      `${formatNumber(o.ours)} ms vs ${formatNumber(o.official)} ms: ${formatRatio(o.official, o.ours)}`,
    );
  });
  return {
    id: 'startup',
    title: 'Node start-up',
    lines,
    goals,
    data: Object.fromEntries([...samples].map(([v, s]) => [`${v.format} ${v.label}`, s])),
  };
}

function summaries(
  s: { wall: number[]; inProcess: number[]; rss: number[] } | undefined,
): Record<'wall' | 'inProcess' | 'rss', Summary> | undefined {
  return s && { wall: summarize(s.wall), inProcess: summarize(s.inProcess), rss: summarize(s.rss) };
}
