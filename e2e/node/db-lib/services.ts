// Shared by the e2e/node/db-* and queue-* cases: the machine's real services, unique names for what a
// test creates in them, and what the ingest server received.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import type { Event } from '@sentry-sdk/core';
import type { IngestServer } from '@sentry-sdk/test-utils';
import { itemsOf } from '../http-lib/services';

/** The services `npm test` (tooling/scripts/ready.mjs) starts or installs. */
export const SERVICES = {
  postgres: { name: 'PostgreSQL', port: 5432 },
  mariadb: { name: 'MariaDB', port: 3306 },
  redis: { name: 'Redis', port: 6379 },
  rabbitmq: { name: 'RabbitMQ', port: 5672 },
} as const;

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(2000);
    socket.once('connect', () => resolve(Boolean(socket.end())));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(!socket.destroy()));
  });
}

/** Fails the suite with a message saying which service is missing and how to get it. */
export async function requireService(service: { name: string; port: number }): Promise<void> {
  if (await isListening(service.port)) return;
  throw new Error(
    `${service.name} is not reachable on 127.0.0.1:${service.port}: these tests run against the real ` +
      `service. \`npm test\` starts it (tooling/scripts/ready.mjs), installing it as root when missing.`,
  );
}

/** A name no other run uses (tables, queues, keys), safe as a SQL identifier. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Waits (30 s at most) until `predicate` holds for what the ingest server received; says what was missing otherwise. */
export async function waitUntil(what: string, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (let waited = 0; !predicate(); waited += 50) {
    if (waited >= timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The transactions received, validated against Relay's schema. */
export function transactionsOf(ingest: IngestServer): Event[] {
  return itemsOf(ingest, 'transaction');
}

/** The error and message events received, validated against Relay's schema. */
export function eventsOf(ingest: IngestServer): Event[] {
  return itemsOf(ingest, 'event');
}

/** A child span of a transaction as sent. */
export interface SentSpan {
  op?: string;
  description?: string;
  status?: string;
  span_id: string;
  parent_span_id?: string;
  trace_id: string;
  data: Record<string, unknown>;
}

/** The spans of a transaction with op `op` (all with no op given). */
export function spansWithOp(transaction: Event, op?: string): SentSpan[] {
  const spans = (transaction.spans ?? []) as unknown as SentSpan[];
  return op === undefined ? spans : spans.filter((span) => span.op === op);
}

/** The trace context of a transaction or event. */
export function traceOf(event: Event): {
  trace_id: string;
  span_id: string;
  parent_span_id?: string;
  op?: string;
} {
  return event.contexts?.['trace'] as {
    trace_id: string;
    span_id: string;
    parent_span_id?: string;
    op?: string;
  };
}

/** The breadcrumbs of an event, whichever form it sends them in. */
export function breadcrumbsOf(
  event: Event,
): { category?: string; message?: string; level?: string; type?: string }[] {
  const crumbs = event.breadcrumbs as unknown;
  if (Array.isArray(crumbs)) return crumbs as never;
  return ((crumbs as { values?: unknown[] } | undefined)?.values ?? []) as never;
}

/** A long-running subject (a queue worker) that printed `ready`. */
export interface Worker {
  output: () => string;
  /** SIGTERM, then the exit (the SDK flushes on the way out). */
  stop: () => Promise<void>;
}

/** Starts `node [...nodeArgs] script` with the ingest server's DSN; resolves once it printed a line `ready`. */
export function startWorker(
  script: string,
  ingest: IngestServer,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Worker> {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: dirname(script),
    env: { PATH: process.env['PATH'] ?? '', SENTRY_DSN: ingest.dsn, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not get ready:\n${output}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!/^ready$/m.test(output)) return;
      clearTimeout(timer);
      resolve({
        output: () => output,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${String(code)} before it was ready:\n${output}`));
    });
  });
}
