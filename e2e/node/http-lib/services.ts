// Shared by the e2e/node/http-* cases: long-running services in real Node processes, and what the
// ingest server received from them.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { Event } from '@sentry-sdk/core';
import { assertValidEvent, type IngestServer } from '@sentry-sdk/test-utils';

/** A service listening on 127.0.0.1. */
export interface Service {
  url: string;
  /** What it printed so far. */
  output: () => string;
  /** SIGTERM, then the exit (the SDK flushes on the way out). */
  stop: () => Promise<void>;
}

/** The downstream service every case calls. */
export const DOWNSTREAM_SCRIPT = join(import.meta.dirname, 'downstream.cjs');

/** Starts `node [...nodeArgs] script` with the ingest server's DSN; resolves once it printed `listening PORT`. */
export function startService(
  script: string,
  ingest: IngestServer,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Service> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    cwd: dirname(script),
    env: { PATH: process.env['PATH'] ?? '', SENTRY_DSN: ingest.dsn, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start:\n${output}`));
    }, 10_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /^listening (\d+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${match[1]}`,
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${String(code)} before listening:\n${output}`));
    });
  });
}

/** The payloads of one item type the ingest server received, each validated against Relay's schema. */
export function itemsOf(ingest: IngestServer, type: 'event' | 'transaction'): Event[] {
  return ingest.received.flatMap(({ envelope }) =>
    envelope[1]
      .filter(([headers]) => headers.type === type)
      .map(([, payload]) => {
        assertValidEvent(payload);
        return payload as Event;
      }),
  );
}

/** Waits (10 s at most) until `predicate` holds for what the ingest server received. */
export async function waitForIngest(ingest: IngestServer, predicate: () => boolean): Promise<void> {
  for (let waited = 0; !predicate() && waited < 10_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The child spans of a transaction. */
export function spansOf(transaction: Event): Record<string, unknown>[] {
  return transaction.spans ?? [];
}
