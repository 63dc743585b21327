// Micro-benchmarks of the hot API, each in a fresh `node` process per SDK, interleaved over rounds.
import { interleave, LOOPBACK_DSN, type BenchContext } from '../context';
import { judge, notMeasuredYet, table, type Goal, type SectionReport } from '../report';
import { runChild } from '../run-child';
import type { InstalledPackage, Sdks } from '../sdks';
import { formatRatio, formatSummary, summarize } from '../stats';

interface MicroSample {
  ops: number;
  opsPerSec: number;
  complete: boolean;
}

interface MicroBench {
  id: string;
  label: string;
  /** The export both SDKs need for this bench. */
  needs: string;
  /** A goal: ours at least this many times the official ops/sec. */
  goal?: number;
}

const BENCHES: MicroBench[] = [
  { id: 'captureException', label: 'captureException(new Error())', needs: 'captureException', goal: 2 },
  { id: 'captureMessage', label: 'captureMessage()', needs: 'captureMessage' },
  { id: 'addBreadcrumb', label: 'addBreadcrumb()', needs: 'addBreadcrumb' },
  { id: 'setTag', label: 'setTag()', needs: 'setTag' },
  { id: 'withScope', label: 'withScope(cb)', needs: 'withScope' },
  { id: 'startSpan1', label: 'startSpan, 1 deep', needs: 'startSpan', goal: 2 },
  { id: 'startSpan10', label: 'startSpan, 10 nested', needs: 'startSpan', goal: 2 },
  { id: 'loggerInfoOn', label: 'logger.info, logs on', needs: 'logger' },
  { id: 'loggerInfoOff', label: 'logger.info, logs off', needs: 'logger' },
];

/** Runs every micro-benchmark that both SDKs can run today. */
export async function runMicro(
  ctx: BenchContext,
  sdks: Sdks,
  only?: readonly string[],
): Promise<SectionReport> {
  const rounds = ctx.quick ? 1 : 3;
  const durationMs = ctx.quick ? 300 : 800;
  const warmupMs = ctx.quick ? 100 : 300;
  const selected = BENCHES.filter((b) => !only || only.includes(b.id));
  const missing = selected.filter((b) => !has(sdks.ours.node, b.needs) || !has(sdks.official.node, b.needs));
  const runnable = selected.filter((b) => !missing.includes(b));
  const pkgs = [sdks.ours.node, sdks.official.node];
  const variants = runnable.flatMap((bench) => pkgs.map((pkg) => ({ bench, pkg })));
  const samples = new Map(variants.map((v) => [v, [] as MicroSample[]]));
  const errors: string[] = [];

  await interleave(rounds, variants, async (variant) => {
    const args = [variant.pkg.name, variant.bench.id, String(durationMs), String(warmupMs), LOOPBACK_DSN];
    const run = await runChild<MicroSample>('micro.mjs', args, { timeoutMs: 30_000 });
    if (run.result) samples.get(variant)?.push(run.result);
    else errors.push(run.error ?? 'no result');
  });
  ctx.log(`micro: ${rounds} round(s) of ${variants.length} runs done`);

  const rows: string[][] = [];
  const goals: Goal[] = [];
  for (const bench of runnable) {
    const [ours, official] = pkgs.map(
      (pkg) => samples.get(variants.find((v) => v.bench === bench && v.pkg === pkg)!) ?? [],
    );
    const oursOps = summarize((ours ?? []).map((s) => s.opsPerSec));
    const officialOps = summarize((official ?? []).map((s) => s.opsPerSec));
    const dropped = [...(ours ?? []), ...(official ?? [])].some((s) => !s.complete);
    rows.push([
      bench.label,
      formatSummary(oursOps),
      formatSummary(officialOps),
      formatRatio(oursOps.median, officialOps.median),
      dropped ? 'some envelopes never reached the transport' : '',
    ]);
    if (bench.goal) {
      goals.push(
        judge(
          `${bench.label} ≥ ${bench.goal}× the official ops/sec`,
          [oursOps.median, officialOps.median],
          () => oursOps.median / officialOps.median >= bench.goal!,
          `${formatRatio(oursOps.median, officialOps.median)} the official ops/sec`,
        ),
      );
    }
  }
  for (const bench of missing.filter((b) => b.goal)) {
    goals.push({
      goal: `${bench.label} ≥ ${bench.goal}× the official ops/sec`,
      status: 'not measured yet',
      detail: `\`${bench.needs}\` is missing`,
    });
  }

  const lines = [
    `${rounds} round(s); in each, every benchmark runs in a fresh \`node\` process per SDK (ESM import), in ABBA order, ` +
      `${warmupMs} ms of warm-up then ${durationMs} ms measured, in batches of 50 calls. Both SDKs get the same ` +
      "`init({ dsn, transport, maxErrorsPerMinute: 0, maxTransactionsPerMinute: 0 })` (the last two turn off this SDK's client-side throttle, which would drop the same error after 100 a minute and transactions past 10 000 a minute; the official SDK has none and ignores them): a DSN on 127.0.0.1 and a transport that counts envelopes and does nothing else " +
      "(no serialisation, no network), with the default integrations each SDK's Node `init` installs. Span benches add " +
      '`tracesSampleRate: 1`; logger benches add `enableLogs: true` or `false` (logs batch in the SDK and are not awaited). An operation that produces an event counts only once its envelope reached the transport ' +
      '(error events are awaited after every batch, which keeps the official SDK under its 64 events in processing); ' +
      'span benches end with `flush()` inside the timed window and check that every span arrived (the official SDK ' +
      'streams spans in batched `span` items; this SDK sends transactions). Each error is a new `Error` (an SDK may ' +
      'skip an error object it already captured), so the cost of `new Error()` is in both columns.',
    '',
    ...table(
      [
        'operation',
        `${sdks.ours.node.name} ops/s`,
        `${sdks.official.node.name} ops/s`,
        'ours ÷ official',
        'note',
      ],
      rows,
    ),
  ];
  if (missing.length) {
    lines.push('');
    for (const bench of missing)
      lines.push(
        notMeasuredYet(
          bench.label,
          `\`${bench.needs}\` is not exported by ${missingFrom(sdks, bench.needs)} yet`,
        ),
      );
  }
  if (errors.length) lines.push('', `Failed runs (${errors.length}): ${errors.slice(0, 3).join('; ')}`);
  return {
    id: 'micro',
    title: 'Micro-benchmarks (Node)',
    lines,
    goals,
    data: [...samples].map(([v, s]) => ({ bench: v.bench.id, sdk: v.pkg.name, samples: s })),
  };
}

function has(pkg: InstalledPackage, name: string): boolean {
  return pkg.exports.has(name);
}

function missingFrom(sdks: Sdks, name: string): string {
  return [sdks.ours.node, sdks.official.node]
    .filter((p) => !has(p, name))
    .map((p) => p.name)
    .join(' and ');
}
