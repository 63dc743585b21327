// The published command, run as users run it: `sentry-sdk-sidecar` (the package's bin on the
// build) in its own process, stopped and started again on the same data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const PACKAGE_DIR = dirname(createRequire(import.meta.url).resolve('@sentry-sdk/sidecar/package.json'));
const { bin } = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
};
const BIN = resolve(PACKAGE_DIR, bin['sentry-sdk-sidecar']!);
const dataDir = mkdtempSync(join(tmpdir(), 'sidecar-cli-'));
const running = new Set<ChildProcess>();

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the command and resolves with the first line matching `ready` and the lines so far. */
function run(
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpExecArray; lines: string[] }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines: string[] = [];
  return new Promise((done, fail) => {
    child.once('exit', (code) =>
      fail(new Error(`exited with ${code} before printing ${ready}: ${lines.join('\n')}`)),
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const match = ready.exec(line);
      if (match) done({ child, match, lines });
    });
    child.stderr.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((done) => child.once('exit', (code) => done(code)));
}

const ENVELOPE = [
  '{"event_id":"5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60"}',
  '{"type":"event"}',
  JSON.stringify({
    event_id: '5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60',
    timestamp: Date.now() / 1000,
    platform: 'node',
    level: 'error',
    exception: { values: [{ type: 'Error', value: 'survives a restart' }] },
  }),
].join('\n');

describe('the sentry-sdk-sidecar command', () => {
  it('receives, prints, and keeps what it received across a restart on the same --data', async () => {
    const first = await run(['--port', '0', '--data', dataDir], /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const url = first.match[1]!;
    expect(first.lines.join('\n')).toContain('DSN  http://public@127.0.0.1:');
    const response = await fetch(`${url}/api/1/envelope/?sentry_key=public`, {
      method: 'POST',
      body: ENVELOPE,
    });
    expect(await response.json()).toEqual({ id: '5f0c1e9a3b2d4c7e8f6a1b2c3d4e5f60' });
    await expect
      .poll(() => first.lines.some((line) => /event\s+error\s+Error: survives a restart/.test(line)))
      .toBe(true);
    first.child.kill('SIGTERM');
    expect(await exitCode(first.child)).toBe(0);

    const second = await run(
      ['--port', '0', '--data', dataDir, '--quiet'],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    const issues = (await (await fetch(`${second.match[1]!}/api/_sidecar/issues`)).json()) as {
      title: string;
    }[];
    expect(issues.map((issue) => issue.title)).toEqual(['Error: survives a restart']);

    const tail = await run(['tail', '--url', second.match[1]!], /^following /);
    await fetch(`${second.match[1]!}/stream`, {
      method: 'POST',
      body: ENVELOPE.replace(/survives a restart/, 'seen by tail'),
    });
    await expect.poll(() => tail.lines.some((line) => line.includes('Error: seen by tail'))).toBe(true);
    tail.child.kill('SIGINT');
    second.child.kill('SIGINT');
    expect(await exitCode(tail.child)).toBe(0);
    expect(await exitCode(second.child)).toBe(0);
  });

  it('answers 429 with the limits given by --rate-limit', async () => {
    const sidecar = await run(
      ['--port', '0', '--data', join(dataDir, 'limited'), '--rate-limit', '60:error:key'],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    const response = await fetch(`${sidecar.match[1]!}/api/1/envelope/`, { method: 'POST', body: ENVELOPE });
    expect(response.status).toBe(429);
    expect(response.headers.get('x-sentry-rate-limits')).toBe('60:error:key');
    sidecar.child.kill('SIGTERM');
    expect(await exitCode(sidecar.child)).toBe(0);
  });

  it('prints its usage for --help, and exits 2 with the reason for a bad argument', async () => {
    const help = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    help.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    expect(await exitCode(help)).toBe(0);
    expect(out).toContain('sentry-sdk-sidecar tail [--url URL]');

    const bad = spawn(process.execPath, [BIN, '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    bad.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    expect(await exitCode(bad)).toBe(2);
    expect(err).toContain('--port must be a whole number');
  });
});
