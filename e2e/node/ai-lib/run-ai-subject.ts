// Shared by the e2e/node/ai-* cases: runs a subject script (the built Node SDK plus a real AI
// client) against the fake LLM and the ingest server, and reads what arrived.
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import type { Event } from '@sentry-sdk/core';
import { assertValidEvent, type IngestServer } from '@sentry-sdk/test-utils';
import type { FakeLlm } from './fake-llm';

/** A span of a transaction as it arrived. */
export interface SpanPayload {
  span_id: string;
  parent_span_id?: string;
  op?: string;
  description?: string;
  origin?: string;
  status?: string;
  data: Record<string, unknown>;
}

export interface AiSubjectOptions {
  env?: Record<string, string>;
  nodeArgs?: string[];
}

/** Runs `node [...nodeArgs] script` to its end (60 s at most); rejects when it fails, with its output. */
export function runAiSubject(
  script: string,
  ingest: IngestServer,
  llm: FakeLlm,
  options: AiSubjectOptions = {},
): Promise<string> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    cwd: dirname(script),
    env: { PATH: process.env['PATH'] ?? '', SENTRY_DSN: ingest.dsn, LLM_URL: llm.url, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${script} exited with ${String(code)}:\n${output}`));
    });
  });
}

function payloadsOf(ingest: IngestServer, type: string): Event[] {
  return ingest.received.flatMap(({ envelope }) =>
    envelope[1].filter(([headers]) => headers.type === type).map(([, payload]) => payload as Event),
  );
}

/** The transactions received, each validated against Relay's schema. */
export function transactionsOf(ingest: IngestServer): Event[] {
  const transactions = payloadsOf(ingest, 'transaction');
  transactions.forEach((transaction) => assertValidEvent(transaction));
  return transactions;
}

/** The error events received, each validated against Relay's schema. */
export function errorEventsOf(ingest: IngestServer): Event[] {
  const events = payloadsOf(ingest, 'event');
  events.forEach((event) => assertValidEvent(event));
  return events;
}

/** The child spans of a transaction whose op starts with `gen_ai.`, in start order. */
export function genAiSpansOf(transaction: Event | undefined): SpanPayload[] {
  return ((transaction?.spans ?? []) as unknown as SpanPayload[]).filter((span) =>
    span.op?.startsWith('gen_ai.'),
  );
}

/** Everything the ingest server received, as text: what a leak check searches. */
export function receivedText(ingest: IngestServer): string {
  return ingest.received.map(({ body }) => body.toString('utf8')).join('\n');
}

/** The spans as `op description`, each indented one step deeper than its parent (the root at 0). */
export function outlineOf(transaction: Event, keep: (span: SpanPayload) => boolean): string[] {
  const spans = ((transaction.spans ?? []) as unknown as SpanPayload[]).filter(keep);
  const root = transaction.contexts?.trace?.span_id;
  const depth = (span: SpanPayload): number => {
    if (span.parent_span_id === root) return 1;
    const parent = spans.find((candidate) => candidate.span_id === span.parent_span_id);
    return parent ? depth(parent) + 1 : 0;
  };
  return spans.map((span) => `${'  '.repeat(Math.max(0, depth(span) - 1))}${span.op} ${span.description}`);
}
