// Runs one child script under plain `node` (no loader, so nothing of the bench's own is measured)
// and reads the JSON it prints on its BENCH_RESULT line.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { BENCH_DIR, CHILDREN_DIR } from './context';

/** What a child run gave: its result (if it printed one), its wall time and why it failed. */
export interface ChildRun<T> {
  result?: T;
  wallMs: number;
  error?: string;
}

/** Options of one child run. */
export interface ChildOptions {
  nodeArgs?: string[];
  timeoutMs: number;
}

/** Spawns `node [nodeArgs] children/<script> [args]`, waits for it to exit, and parses its result line. */
export function runChild<T>(
  script: string,
  args: readonly string[],
  options: ChildOptions,
): Promise<ChildRun<T>> {
  const child = spawnNode(script, args, options.nodeArgs, 'ignore');
  const started = performance.now();
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  return new Promise((done) => {
    child.on('exit', (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      const result = parseResult<T>(stdout);
      if (result !== undefined && code === 0) return done({ result, wallMs });
      const why = signal ? `killed by ${signal} after ${options.timeoutMs} ms` : `exit code ${String(code)}`;
      done({ wallMs, error: `${script} ${args.join(' ')}: ${why}; ${lastLine(stderr)}` });
    });
  });
}

/** Spawns `node [nodeArgs] children/<script> [args]` from the bench folder. */
export function spawnNode(
  script: string,
  args: readonly string[],
  nodeArgs: readonly string[] = [],
  stdin: 'ignore' | 'pipe' = 'pipe',
): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, resolve(CHILDREN_DIR, script), ...args], {
    cwd: BENCH_DIR,
    stdio: [stdin, 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
}

/** The JSON of the last BENCH_RESULT line of a child's output. */
export function parseResult<T>(stdout: string): T | undefined {
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('BENCH_RESULT '));
  return line ? (JSON.parse(line.slice('BENCH_RESULT '.length)) as T) : undefined;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines.slice(-3).join(' / ') || 'no output').slice(0, 300);
}
