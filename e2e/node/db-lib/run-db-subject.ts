// Shared by the e2e/node/db-* cases: runs a subject script that talks to a real database, then finds
// the transaction `<name>-e2e` and the event `<name> done` it must have sent.
import type { Event } from '@sentry-sdk/core';
import type { IngestServer } from '@sentry-sdk/test-utils';
import { expect } from 'vitest';
import { runSubject } from '../runtime-lib/run-subject';
import { eventsOf, transactionsOf } from './services';

/** What a db subject sent, and the last line it printed (JSON of what it saw). */
export interface DbSubjectRun {
  seen: Record<string, unknown>;
  transaction: Event;
  event: Event;
}

/** Runs `script` with `env`, expects it to exit 0 and to have sent `<name>-e2e` and `<name> done`. */
export async function runDbSubject(
  script: string,
  ingest: IngestServer,
  name: string,
  env: Record<string, string>,
): Promise<DbSubjectRun> {
  const result = await runSubject(script, ingest, { env, timeoutMs: 30_000 });
  expect(result.code, result.stderr).toBe(0);
  const seen = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
  const transaction = transactionsOf(ingest).find((item) => item.transaction === `${name}-e2e`);
  const event = eventsOf(ingest).find((item) => item.logentry?.message === `${name} done`);
  expect(transaction, `the ${name}-e2e transaction`).toBeDefined();
  expect(event, `the ${name} done event`).toBeDefined();
  return { seen, transaction: transaction!, event: event! };
}
