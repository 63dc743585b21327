// Node overhead under load: node:http and Express servers in a child process, loaded from this
// process with autocannon on 127.0.0.1, with no SDK, errors only and 100 % tracing for both SDKs.
import { once } from 'node:events';
import autocannon from 'autocannon';
import { interleave, LOOPBACK_DSN, type BenchContext } from '../context';
import { judge, table, type Goal, type SectionReport } from '../report';
import { parseResult, spawnNode } from '../run-child';
import type { Sdks } from '../sdks';
import { formatNumber, formatRatio, formatSummary, summarize } from '../stats';

interface LoadSample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  spans: number;
  rssMiB: number;
}

interface ServerReport {
  spans: number;
  events: number;
  peakRssKiB: number;
}

interface Variant {
  kind: 'http' | 'express';
  pkg: string;
  mode: 'none' | 'errors' | 'tracing';
}

const CONNECTIONS = 10;

/** Loads one server variant: warm-up, then a measured window bounded by time and request count. */
async function loadOnce(variant: Variant, warmupS: number, durationS: number): Promise<LoadSample> {
  const child = spawnNode('http-server.cjs', [
    variant.kind,
    variant.pkg,
    variant.mode === 'none' ? 'errors' : variant.mode,
    LOOPBACK_DSN,
  ]);
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  // Read stderr too: a full pipe would block a server that logs.
  child.stderr?.resume();
  try {
    const port = await waitForPort(() => stdout, 20_000);
    const url = `http://127.0.0.1:${port}/`;
    await autocannon({ url, connections: CONNECTIONS, duration: warmupS });
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: durationS,
      maxOverallRequests: 2_000_000,
    });
    child.stdin?.write('stop\n');
    await once(child, 'exit');
    const report = parseResult<ServerReport>(stdout);
    return {
      rps: result['2xx'] / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.non2xx,
      spans: report?.spans ?? 0,
      rssMiB: (report?.peakRssKiB ?? Number.NaN) / 1024,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

async function waitForPort(output: () => string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /BENCH_READY (\d+)/.exec(output());
    if (match) return Number(match[1]);
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error('the server did not start');
}

/** Runs the load test over both server kinds and every configuration. */
export async function runHttp(ctx: BenchContext, sdks: Sdks): Promise<SectionReport> {
  const rounds = ctx.quick ? 1 : 2;
  const durationS = ctx.quick ? 2 : 3;
  const warmupS = ctx.quick ? 0.5 : 1;
  const ours = sdks.ours.node.name;
  const official = sdks.official.node.name;
  const kinds = ['http', 'express'] as const;
  const variants: Variant[] = kinds.flatMap((kind) => [
    { kind, pkg: 'none', mode: 'none' },
    { kind, pkg: ours, mode: 'errors' },
    { kind, pkg: official, mode: 'errors' },
    { kind, pkg: ours, mode: 'tracing' },
    { kind, pkg: official, mode: 'tracing' },
  ]);
  const samples = new Map(variants.map((v) => [v, [] as LoadSample[]]));
  const errors: string[] = [];
  await interleave(rounds, variants, async (variant) => {
    try {
      samples.get(variant)?.push(await loadOnce(variant, warmupS, durationS));
    } catch (error) {
      errors.push(`${variant.kind} ${variant.pkg} ${variant.mode}: ${String(error)}`);
    }
  });
  ctx.log(`http: ${rounds} round(s) of ${variants.length} loads done`);

  const rows: string[][] = [];
  const goals: Goal[] = [];
  const hasServerSpans = (
    samples.get(variants.find((v) => v.pkg === ours && v.mode === 'tracing')!) ?? []
  ).some((s) => s.spans > 0);
  for (const kind of kinds) {
    const rps = (pkg: string, mode: Variant['mode']): number =>
      summarize(
        (samples.get(variants.find((v) => v.kind === kind && v.pkg === pkg && v.mode === mode)!) ?? []).map(
          (s) => s.rps,
        ),
      ).median;
    const base = rps('none', 'none');
    for (const variant of variants.filter((v) => v.kind === kind)) {
      const s = samples.get(variant) ?? [];
      const median = summarize(s.map((x) => x.rps)).median;
      rows.push([
        kind,
        variant.pkg === 'none' ? 'no SDK' : variant.pkg,
        variant.mode === 'none' ? '—' : variant.mode === 'errors' ? 'errors only' : '100 % tracing',
        formatSummary(summarize(s.map((x) => x.rps))),
        variant.pkg === 'none' ? '—' : formatRatio(median, base),
        formatSummary(summarize(s.map((x) => x.p50))),
        formatSummary(summarize(s.map((x) => x.p99))),
        formatNumber(summarize(s.map((x) => x.spans)).median),
        formatSummary(summarize(s.map((x) => x.rssMiB))),
        String(s.reduce((n, x) => n + x.errors, 0)),
      ]);
    }
    const oursTracing = rps(ours, 'tracing');
    const officialTracing = rps(official, 'tracing');
    const goal = `${kind}: throughput at 100 % tracing within 10 % of no SDK and better than the official SDK`;
    const detail = `${formatRatio(oursTracing, base)} of no SDK; ${formatRatio(oursTracing, officialTracing)} the official SDK's`;
    goals.push(
      hasServerSpans
        ? judge(
            goal,
            [oursTracing, officialTracing, base],
            () => oursTracing >= 0.9 * base && oursTracing > officialTracing,
            detail,
          )
        : {
            goal,
            status: 'not measured yet',
            detail: `${detail}, but ${ours} creates no server spans yet, so its tracing run does no tracing work`,
          },
    );
  }

  const lines = [
    `Each server runs in its own \`node\` process (CommonJS; the SDK is required and initialised before \`node:http\` ` +
      'and `express`, as each SDK documents) and answers `GET /` with "ok". autocannon, in the bench process, loads it ' +
      `over 127.0.0.1 with ${CONNECTIONS} connections: ${warmupS} s of warm-up, then ${durationS} s measured ` +
      `(at most 2 000 000 requests). ${rounds} round(s), interleaved in ABBA order. Both SDKs get a transport that counts ` +
      'envelopes and does nothing else; "errors only" is `init({ dsn, transport, maxErrorsPerMinute: 0, maxTransactionsPerMinute: 0 })` ' +
      "(the last two turn off this SDK's client-side throttle, which would drop transactions past 10 000 a minute; the official SDK ignores them), " +
      '"100 % tracing" adds `tracesSampleRate: 1`. "spans" is what reached the transport in the measured process (warm-up included). Latencies in ms; ' +
      'requests/s is 2xx responses over the measured window. Medians (IQR) over rounds.',
    '',
    ...table(
      [
        'server',
        'SDK',
        'mode',
        'requests/s',
        'vs no SDK',
        'p50 ms',
        'p99 ms',
        'spans sent',
        'server peak RSS MiB',
        'errors',
      ],
      rows,
    ),
  ];
  if (!hasServerSpans) {
    lines.push(
      '',
      `**${ours} has no HTTP server instrumentation yet** (nothing like \`httpIntegration\` is exported and no span ` +
        'reached its transport): its numbers are what `init` alone costs, without server spans, until that lands.',
    );
  }
  if (errors.length) lines.push('', `Failed loads (${errors.length}): ${errors.slice(0, 3).join('; ')}`);
  return {
    id: 'http',
    title: 'Node overhead under HTTP load',
    lines,
    goals,
    data: [...samples].map(([v, s]) => ({ ...v, samples: s })),
  };
}
