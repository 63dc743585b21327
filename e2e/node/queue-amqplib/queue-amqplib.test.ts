import { join } from 'node:path';
import amqplib from 'amqplib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { requireService, SERVICES, startWorker, uniqueName, type Worker } from '../db-lib/services';
import { startService, type Service } from '../http-lib/services';
import { checkChain } from '../queue-lib/check-chain';

const here = import.meta.dirname;
let ingest: IngestServer;
let queue: string;
let running: (Service | Worker)[] = [];
beforeAll(async () => {
  await requireService(SERVICES.rabbitmq);
  await requireService(SERVICES.postgres);
});
beforeEach(async () => {
  ingest = await startIngestServer();
  queue = uniqueName('sentry_e2e_amqp');
});
afterEach(async () => {
  await Promise.all(running.map((process) => process.stop()));
  running = [];
  await ingest.close();
  const connection = await amqplib.connect('amqp://guest:guest@127.0.0.1:5672');
  const channel = await connection.createChannel();
  await channel.deleteQueue(queue);
  await connection.close();
});

describe('amqplib (RabbitMQ): request → publish → consumer → PostgreSQL, one trace', () => {
  for (const [title, app, worker] of [
    ['CommonJS producer and consumer', 'app.cjs', 'worker.cjs'],
    ['ES module producer and consumer, no loader flags', 'app.mjs', 'worker.mjs'],
  ] as const) {
    it(title, async () => {
      running.push(await startWorker(join(here, worker), ingest, { QUEUE: queue, ROLE: 'worker' }));
      const producer = await startService(join(here, app), ingest, { QUEUE: queue, ROLE: 'producer' });
      running.push(producer);
      const traceIds = await checkChain(ingest, producer.url, {
        system: 'rabbitmq',
        origin: 'auto.queue.amqplib',
        queue,
      });
      // one trace per request, none shared
      expect(new Set(traceIds).size).toBe(3);
    });
  }
});
