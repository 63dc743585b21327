// Shared by the e2e/node/queue-* cases: drives the request → enqueue → worker → database chain and
// checks that what reached the ingest server is one trace per request, with each job in its own scope.
import { expect } from 'vitest';
import type { Event } from '@sentry-sdk/core';
import type { IngestServer } from '@sentry-sdk/test-utils';
import { breadcrumbsOf, eventsOf, spansWithOp, traceOf, transactionsOf, waitUntil } from '../db-lib/services';

/** What the queue of a case is. */
export interface QueueExpectations {
  /** `messaging.system`: `rabbitmq`, `bullmq`. */
  system: string;
  origin: string;
  /** The queue the producer publishes to and the worker consumes. */
  queue: string;
}

const IDS = ['alpha', 'beta', 'gamma'];
// what the worker runs, as the span must show it: the literals replaced
const WORKER_QUERY = 'SELECT $1::text AS id, ? AS tag, ? AS answer, pg_sleep(?)';

/** Requests `/enqueue/:id` concurrently, waits for the jobs' traces, checks each chain and returns the requests' trace ids. */
export async function checkChain(
  ingest: IngestServer,
  appUrl: string,
  expected: QueueExpectations,
): Promise<string[]> {
  const answers = await Promise.all(IDS.map(async (id) => (await fetch(`${appUrl}/enqueue/${id}`)).text()));
  expect(answers).toEqual(IDS.map(() => 'queued'));
  const processed = (): Event[] =>
    transactionsOf(ingest).filter((item) => traceOf(item).op === 'queue.process');
  const served = (): Event[] => transactionsOf(ingest).filter((item) => traceOf(item).op === 'http.server');
  const reported = (): Event[] =>
    eventsOf(ingest).filter((item) => item.logentry?.message?.startsWith('processed '));
  await waitUntil(
    '3 http.server transactions, 3 queue.process transactions and 3 worker events',
    () =>
      served().length >= IDS.length && processed().length >= IDS.length && reported().length >= IDS.length,
  );

  for (const id of IDS) {
    const request = served().find((item) => item.tags?.['request'] === id);
    expect(request, `the http.server transaction of ${id}`).toBeDefined();
    const traceId = traceOf(request!).trace_id;
    const [publish, ...more] = spansWithOp(request!, 'queue.publish');
    expect(more).toEqual([]);
    expect(publish).toMatchObject({
      trace_id: traceId,
      description: expected.queue,
      data: {
        'messaging.system': expected.system,
        'messaging.destination.name': expected.queue,
        'sentry.origin': expected.origin,
      },
    });

    const job = processed().find((item) => item.tags?.['job'] === id);
    expect(job, `the queue.process transaction of ${id}`).toBeDefined();
    expect(job).toMatchObject({
      transaction: expected.queue,
      transaction_info: { source: 'task' },
      server_name: 'worker',
    });
    // the worker continued the producer's trace, as a child of the publish span
    expect(traceOf(job!)).toMatchObject({ trace_id: traceId, parent_span_id: publish!.span_id });
    expect(job!.contexts?.['trace']?.['data']).toMatchObject({
      'messaging.system': expected.system,
      'messaging.destination.name': expected.queue,
    });
    const queries = spansWithOp(job!, 'db');
    expect(queries.map((span) => [span.description, span.trace_id, span.parent_span_id])).toEqual([
      [WORKER_QUERY, traceId, traceOf(job!).span_id],
    ]);
    expect(queries[0]?.data['db.query.text']).toBe(WORKER_QUERY);

    // each job in its own isolation scope: its tag and its query only, and its trace
    const event = reported().find((item) => item.logentry?.message === `processed ${id}`);
    expect(event?.tags).toMatchObject({ job: id });
    expect(event?.tags?.['request']).toBeUndefined();
    expect(traceOf(event!).trace_id).toBe(traceId);
    const crumbs = breadcrumbsOf(event!).filter((crumb) => crumb.category === 'query');
    expect(crumbs.map((crumb) => crumb.message)).toEqual([WORKER_QUERY]);
  }
  // (an error's stack trace shows the worker's source lines, the query's literal included: not checked)
  const recorded = JSON.stringify([
    ...transactionsOf(ingest),
    ...reported().map((event) => event.breadcrumbs),
  ]);
  expect(recorded).not.toMatch(/worker-literal/);
  return served().map((item) => String(traceOf(item).trace_id));
}
