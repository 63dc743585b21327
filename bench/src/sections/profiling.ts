// Profiling overhead under load: a node:http server at 100 % tracing, with and without 100 %
// profiling (nodeProfilingIntegration), loaded from this process with autocannon as in http.ts. The
// server's CPU time per request is read in the server process, sampler thread included.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { CHILDREN_DIR, interleave, LOOPBACK_DSN, type BenchContext } from '../context';
import { judge, table, type Goal, type SectionReport } from '../report';
import { parseResult, spawnNode } from '../run-child';
import type { Sdks } from '../sdks';
import { formatNumber, formatRatio, formatSummary, summarize } from '../stats';

/** `fast` answers at once (profiles too short to keep); `work` burns WORK_MS of CPU per request. */
type Route = 'fast' | 'work';
type Mode = 'tracing' | 'profiling';

interface Variant {
  route: Route;
  mode: Mode;
}

interface LoadSample {
  rps: number;
  p99: number;
  cpuUsPerRequest: number;
  profiles: number;
  transactions: number;
}

interface ServerReport {
  requests: number;
  cpuUs: number;
  profiles: number;
  transactions: number;
}

const CONNECTIONS = 10;
const WORK_MS = 25;

// The server, written to the section's out folder: http-server.cjs plus the profiling options, a
// transport that also counts profiles, and CPU time read between "mark" and "stop" on stdin.
const SERVER = `'use strict';
const { createCountingTransport, report } = require(${JSON.stringify(resolve(CHILDREN_DIR, 'counting-transport.cjs'))});
const [route, mode, dsn, name] = process.argv.slice(2);
const { state, transport: countingTransport } = createCountingTransport();
const extra = { profiles: 0, transactions: 0 };
const transport = (options) => {
  const inner = countingTransport(options);
  return {
    send(envelope) {
      for (const [header] of envelope[1] || []) {
        if (header.type === 'profile') extra.profiles++;
        if (header.type === 'transaction') extra.transactions++;
      }
      return inner.send(envelope);
    },
    flush: (timeout) => inner.flush(timeout),
  };
};
const sdk = require(name);
sdk.init({
  dsn,
  transport,
  tracesSampleRate: 1,
  maxTransactionsPerMinute: 0,
  ...(mode === 'profiling' ? { profilesSampleRate: 1, integrations: [sdk.nodeProfilingIntegration()] } : {}),
});

function burn(ms) {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) x += Math.sqrt(x + 1);
  return x;
}

const http = require('node:http');
let requests = 0;
const server = http.createServer((_req, res) => {
  requests++;
  if (route === 'work') burn(${WORK_MS});
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => process.stdout.write('BENCH_READY ' + server.address().port + '\\n'));

let mark = { cpu: process.cpuUsage(), requests: 0, profiles: 0, transactions: 0 };
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  if (chunk.includes('mark')) mark = { cpu: process.cpuUsage(), requests, ...extra };
  if (!chunk.includes('stop')) return;
  const cpu = process.cpuUsage(mark.cpu);
  report({
    requests: requests - mark.requests,
    cpuUs: cpu.user + cpu.system,
    profiles: extra.profiles - mark.profiles,
    transactions: extra.transactions - mark.transactions,
    spans: state.spans,
  });
  process.exit(0);
});
`;

async function loadOnce(
  script: string,
  pkg: string,
  variant: Variant,
  warmupS: number,
  durationS: number,
): Promise<LoadSample> {
  const child = spawnNode(script, [variant.route, variant.mode, LOOPBACK_DSN, pkg]);
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.resume();
  try {
    const port = await readyPort(child, 20_000);
    const url = `http://127.0.0.1:${port}/`;
    await autocannon({ url, connections: CONNECTIONS, duration: warmupS });
    child.stdin?.write('mark\n');
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
      p99: result.latency.p99,
      cpuUsPerRequest: report && report.requests > 0 ? report.cpuUs / report.requests : Number.NaN,
      profiles: report?.profiles ?? Number.NaN,
      transactions: report?.transactions ?? Number.NaN,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** Resolves with the port the server prints once it listens. */
function readyPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((done, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error('the server did not start')), timeoutMs);
    child.stdout?.on('data', (chunk: string) => {
      seen += chunk;
      const match = /BENCH_READY (\d+)/.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      done(Number(match[1]));
    });
  });
}

/** Runs both routes with tracing alone and with profiling, interleaved. */
export async function runProfiling(ctx: BenchContext, sdks: Sdks): Promise<SectionReport> {
  const rounds = ctx.quick ? 1 : 3;
  const durationS = ctx.quick ? 2 : 4;
  const warmupS = ctx.quick ? 0.5 : 1;
  const pkg = sdks.ours.node.name;
  const script = resolve(ctx.outDir('profiling'), 'profiling-server.cjs');
  writeFileSync(script, SERVER);
  const routes: Route[] = ['fast', 'work'];
  const variants: Variant[] = routes.flatMap((route) => [
    { route, mode: 'tracing' as const },
    { route, mode: 'profiling' as const },
  ]);
  const samples = new Map(variants.map((v) => [v, [] as LoadSample[]]));
  const errors: string[] = [];
  const hasIntegration = sdks.ours.node.exports.has('nodeProfilingIntegration');
  if (hasIntegration) {
    await interleave(rounds, variants, async (variant) => {
      try {
        samples.get(variant)?.push(await loadOnce(script, pkg, variant, warmupS, durationS));
      } catch (error) {
        errors.push(`${variant.route} ${variant.mode}: ${String(error)}`);
      }
    });
  }
  ctx.log(`profiling: ${rounds} round(s) of ${variants.length} loads done`);

  const median = (variant: Variant | undefined, pick: (s: LoadSample) => number): number =>
    summarize((variant ? (samples.get(variant) ?? []) : []).map(pick)).median;
  const find = (route: Route, mode: Mode): Variant | undefined =>
    variants.find((v) => v.route === route && v.mode === mode);
  const rows = variants.map((variant) => {
    const s = samples.get(variant) ?? [];
    const base = find(variant.route, 'tracing');
    return [
      variant.route === 'fast' ? 'GET / → "ok"' : `GET / → ${WORK_MS} ms of CPU`,
      variant.mode === 'tracing' ? '100 % tracing' : '100 % tracing + 100 % profiling',
      formatSummary(summarize(s.map((x) => x.rps))),
      variant.mode === 'tracing'
        ? '—'
        : formatRatio(
            median(variant, (x) => x.rps),
            median(base, (x) => x.rps),
          ),
      formatSummary(summarize(s.map((x) => x.cpuUsPerRequest))),
      variant.mode === 'tracing'
        ? '—'
        : formatRatio(
            median(variant, (x) => x.cpuUsPerRequest),
            median(base, (x) => x.cpuUsPerRequest),
          ),
      formatSummary(summarize(s.map((x) => x.p99))),
      formatNumber(median(variant, (x) => x.transactions)),
      formatNumber(median(variant, (x) => x.profiles)),
    ];
  });

  const goals: Goal[] = routes.map((route) => {
    const rps = [
      median(find(route, 'profiling'), (x) => x.rps),
      median(find(route, 'tracing'), (x) => x.rps),
    ];
    const cpu = [
      median(find(route, 'profiling'), (x) => x.cpuUsPerRequest),
      median(find(route, 'tracing'), (x) => x.cpuUsPerRequest),
    ];
    const goal = `profiling at 100 % (${route === 'fast' ? 'instant' : `${WORK_MS} ms`} requests): under 5 % less throughput and under 5 % more CPU per request than tracing alone`;
    if (!hasIntegration)
      return {
        goal,
        status: 'not measured yet',
        detail: `${pkg} exports no nodeProfilingIntegration (build it first)`,
      };
    const detail = `throughput ${formatRatio(rps[0]!, rps[1]!)}, CPU per request ${formatRatio(cpu[0]!, cpu[1]!)} of tracing alone`;
    return judge(
      goal,
      [...rps, ...cpu],
      () => rps[0]! >= 0.95 * rps[1]! && cpu[0]! <= 1.05 * cpu[1]!,
      detail,
    );
  });

  const lines = [
    `A \`node:http\` server in its own process with ${pkg} at \`tracesSampleRate: 1\` (throttle off: \`maxTransactionsPerMinute: 0\`), and in the profiling runs also ` +
      '`profilesSampleRate: 1` with `nodeProfilingIntegration()` (V8 CPU profiler through `node:inspector`, ~100 Hz). ' +
      `autocannon loads it over 127.0.0.1 with ${CONNECTIONS} connections: ${warmupS} s of warm-up, then ${durationS} s measured; ` +
      `${rounds} round(s), interleaved in ABBA order. Two routes: one that answers at once (each transaction is shorter than a ` +
      `profile's minimum, so profiles are counted as dropped and nothing is sent; this is the cost of sampling and ` +
      `collecting alone) and one that burns ${WORK_MS} ms of CPU (every transaction gets a profile). CPU is the server process's ` +
      'user + system time over the measured window (the sampler thread included) divided by the requests it answered. ' +
      'Transactions and profiles are what reached the transport in the measured window. Medians (IQR) over rounds.',
    '',
    ...table(
      [
        'route',
        'mode',
        'requests/s',
        'vs tracing',
        'CPU µs / request',
        'vs tracing',
        'p99 ms',
        'transactions',
        'profiles',
      ],
      rows,
    ),
  ];
  if (errors.length) lines.push('', `Failed loads (${errors.length}): ${errors.slice(0, 3).join('; ')}`);
  return {
    id: 'profiling',
    title: 'Profiling overhead under HTTP load',
    lines,
    goals,
    data: [...samples].map(([v, s]) => ({ ...v, samples: s })),
  };
}
