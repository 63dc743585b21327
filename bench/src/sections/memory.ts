// Heap after 100 000 captureException calls while the ingest endpoint accepts connections and never
// answers: what each SDK keeps queued when its server is down.
import { createServer, type Socket } from 'node:net';
import { interleave, type BenchContext } from '../context';
import { table, type SectionReport } from '../report';
import { runChild } from '../run-child';
import type { Sdks } from '../sdks';
import { formatNumber, formatRatio, formatSummary, summarize } from '../stats';

interface MemorySample {
  calls: number;
  elapsedMs: number;
  heapBefore: number;
  heapAfter: number;
  rss: number;
}

const MiB = 2 ** 20;

/** A TCP server on 127.0.0.1 that takes every connection and request and never answers. */
async function startHangingServer(): Promise<{ dsn: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    dsn: `http://public@127.0.0.1:${port}/1`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Measures both Node SDKs, each with its own default transport, against the hanging endpoint. */
export async function runMemory(ctx: BenchContext, sdks: Sdks): Promise<SectionReport> {
  const count = ctx.quick ? 20_000 : 100_000;
  // Heap after GC barely moves between runs (see the IQR of earlier runs): one round keeps the bench bounded.
  const rounds = 1;
  const deadlineMs = ctx.quick ? 15_000 : 40_000;
  const pkgs = [sdks.ours.node, sdks.official.node];
  const samples = new Map(pkgs.map((p) => [p, [] as MemorySample[]]));
  const errors: string[] = [];
  const server = await startHangingServer();
  try {
    await interleave(rounds, pkgs, async (pkg) => {
      const args = [pkg.name, String(count), String(deadlineMs), server.dsn];
      const run = await runChild<MemorySample>('memory.mjs', args, {
        nodeArgs: ['--expose-gc'],
        timeoutMs: deadlineMs + 30_000,
      });
      if (run.result) samples.get(pkg)?.push(run.result);
      else errors.push(run.error ?? 'no result');
    });
  } finally {
    await server.close();
  }
  ctx.log(`memory: ${rounds} round(s) done`);

  const rows = pkgs.map((pkg) => {
    const s = samples.get(pkg) ?? [];
    return [
      pkg.name,
      formatSummary(summarize(s.map((x) => x.calls))),
      formatSummary(summarize(s.map((x) => x.elapsedMs / 1000))),
      formatSummary(summarize(s.map((x) => x.heapBefore / MiB))),
      formatSummary(summarize(s.map((x) => x.heapAfter / MiB))),
      formatSummary(summarize(s.map((x) => (x.heapAfter - x.heapBefore) / MiB))),
      formatSummary(summarize(s.map((x) => x.rss / MiB))),
    ];
  });
  const stopped = pkgs
    .filter((pkg) => (samples.get(pkg) ?? []).some((x) => x.calls < count))
    .map((pkg) => pkg.name);
  const growth = pkgs.map(
    (pkg) => summarize((samples.get(pkg) ?? []).map((x) => x.heapAfter - x.heapBefore)).median,
  );
  const lines = [
    `${formatNumber(count)} \`captureException(new Error())\` calls in one fresh \`node --expose-gc\` process per SDK ` +
      `(${rounds} round(s), interleaved), 1 000 calls per event-loop turn, stopped after ${deadlineMs / 1000} s if not done. ` +
      "Both get `init({ dsn, maxErrorsPerMinute: 0 })`, the last turning off this SDK's client-side throttle so that every " +
      'call reaches its transport. Each SDK keeps its own default Node transport, pointed at a TCP server on 127.0.0.1 that accepts connections and ' +
      'requests and never answers. Heap is `heapUsed` after two forced GCs, before (after one warm-up event) and 0.5 s ' +
      'after the last call. Medians (IQR) over rounds.',
    '',
    ...table(
      ['SDK', 'calls made', 'seconds', 'heap before MiB', 'heap after MiB', 'growth MiB', 'RSS MiB'],
      rows,
    ),
    '',
    `Heap growth, ours ÷ official: ${formatRatio(growth[0] ?? Number.NaN, growth[1] ?? Number.NaN)}. ` +
      'What bounds each: the official client drops events past 64 in processing and its transport holds 64 requests ' +
      "in flight; this SDK's transport holds `DEFAULT_QUEUE_SIZE` (100) envelopes in flight; both drop the rest as " +
      '`queue_overflow`. An SDK that drops early does less work per call, so "seconds" is not a throughput figure.',
  ];
  if (stopped.length)
    lines.push(
      '',
      `Stopped at the ${deadlineMs / 1000} s deadline before ${formatNumber(count)} calls: ${stopped.join(', ')}.`,
    );
  if (errors.length) lines.push('', `Failed runs (${errors.length}): ${errors.slice(0, 3).join('; ')}`);
  return {
    id: 'memory',
    title: 'Memory while the ingest endpoint hangs',
    lines,
    goals: [],
    data: Object.fromEntries([...samples].map(([p, s]) => [p.name, s])),
  };
}
