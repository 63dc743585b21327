// Shared by the e2e/node/runtime-* cases: runs a subject script in a real Node process.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import type { Event } from '@sentry-sdk/core';
import { assertValidEvent, type IngestServer } from '@sentry-sdk/test-utils';

/** How a subject process ended and what it printed. */
export interface SubjectResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from start to exit. */
  durationMs: number;
}

export interface RunOptions {
  /** Extra environment variables (SENTRY_DSN is set from the ingest server unless given). */
  env?: Record<string, string>;
  /** Called once the subject printed `line` on stdout (e.g. to send it a signal). */
  onLine?: { line: string; run: (child: ChildProcess) => void };
  /** Working directory (the app root for module names). Default: the script's folder. */
  cwd?: string;
  /** Kill the subject after this long (a hang is a failure). Default 15 s. */
  timeoutMs?: number;
}

/** Runs `node script` with the DSN of `ingest`, resolving when the process has exited. */
export function runSubject(
  script: string,
  ingest: IngestServer | undefined,
  options: RunOptions = {},
): Promise<SubjectResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [script], {
    cwd: options.cwd ?? dirname(script),
    env: { PATH: process.env['PATH'] ?? '', ...(ingest ? { SENTRY_DSN: ingest.dsn } : {}), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let seen = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (options.onLine && !seen && stdout.split('\n').includes(options.onLine.line)) {
      seen = true;
      options.onLine.run(child);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, durationMs: Date.now() - started });
    });
  });
}

/** The events (not transactions or other items) the ingest server received, each validated against Relay's schema. */
export function receivedEvents(ingest: IngestServer): Event[] {
  return ingest.received.flatMap(({ envelope }) =>
    envelope[1]
      .filter(([headers]) => headers.type === 'event')
      .map(([, payload]) => {
        assertValidEvent(payload);
        return payload as Event;
      }),
  );
}
