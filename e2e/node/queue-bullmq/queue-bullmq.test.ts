import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import type { Event } from '@sentry-sdk/core';
import {
  eventsOf,
  requireService,
  SERVICES,
  startWorker,
  uniqueName,
  waitUntil,
  type Worker,
} from '../db-lib/services';
import { startService, type Service } from '../http-lib/services';
import { checkChain } from '../queue-lib/check-chain';

const here = import.meta.dirname;
let ingest: IngestServer;
let queue: string;
let running: (Service | Worker)[] = [];
beforeAll(async () => {
  await requireService(SERVICES.redis);
  await requireService(SERVICES.postgres);
});
beforeEach(async () => {
  ingest = await startIngestServer();
  queue = uniqueName('sentry_e2e_bullmq');
});
afterEach(async () => {
  await Promise.all(running.map((process) => process.stop()));
  running = [];
  await ingest.close();
  const leftover = new Queue(queue, { connection: { host: '127.0.0.1', port: 6379 } });
  await leftover.obliterate({ force: true });
  await leftover.close();
});

describe('bullmq: request → Queue.add → Worker → PostgreSQL, one trace', () => {
  for (const [title, app, worker] of [
    ['CommonJS producer and worker', 'app.cjs', 'worker.cjs'],
    ['ES module producer and worker, no loader flags', 'app.mjs', 'worker.mjs'],
  ] as const) {
    it(title, async () => {
      running.push(await startWorker(join(here, worker), ingest, { QUEUE: queue, ROLE: 'worker' }));
      const producer = await startService(join(here, app), ingest, { QUEUE: queue, ROLE: 'producer' });
      running.push(producer);
      const traceIds = await checkChain(ingest, producer.url, {
        system: 'bullmq',
        origin: 'auto.queue.bullmq',
        queue,
      });
      // one trace per request, none shared
      expect(new Set(traceIds).size).toBe(3);
      // what a processor throws is captured, in its job's scope and trace
      const findFailure = (): Event | undefined =>
        eventsOf(ingest).find((event) => event.exception?.values?.[0]?.value === 'gamma failed on purpose');
      await waitUntil('the error gamma threw', () => findFailure() !== undefined);
      const failure = findFailure();
      expect(failure).toMatchObject({ tags: { job: 'gamma' }, server_name: 'worker' });
      expect(failure?.exception?.values?.[0]?.mechanism).toMatchObject({
        type: 'auto.queue.bullmq',
        handled: false,
      });
    });
  }
});
