import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Event } from '@sentry-sdk/core';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import {
  requireService,
  SERVICES,
  spansWithOp,
  traceOf,
  transactionsOf,
  waitUntil,
} from '../db-lib/services';
import { startService, type Service } from '../http-lib/services';

const here = import.meta.dirname;
let ingest: IngestServer;
let service: Service | undefined;
beforeAll(() => requireService(SERVICES.postgres));
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(async () => {
  await service?.stop();
  service = undefined;
  await ingest.close();
});

async function post(query: string, operationName?: string): Promise<unknown> {
  const response = await fetch(`${service!.url}/graphql`, {
    method: 'POST',
    body: JSON.stringify({ query, operationName, variables: { id: '7' } }),
  });
  return response.json();
}

/** The transaction of the request whose execute (or validate) span is named `name`. */
function transactionWith(op: string, name: string): Event | undefined {
  return transactionsOf(ingest).find((item) =>
    spansWithOp(item, op).some((span) => span.description === name),
  );
}

describe('graphql and dataloader: parse, validate, execute and batch spans, the operation names the transaction', () => {
  for (const [script, nodeArgs] of [
    ['app.cjs', []],
    // dataloader is a single CommonJS file an ES module imports directly: only the loader hook sees it
    ['app.mjs', ['--import', '@sentry-sdk/node/preload']],
  ] as const) {
    it(`${script} ${nodeArgs.join(' ')}`, async () => {
      service = await startService(join(here, script), ingest, {}, [...nodeArgs]);
      expect(
        await post('query GetUser($id: ID!) { user(id: $id) { id name friends { id name } } }', 'GetUser'),
      ).toEqual({
        data: {
          user: {
            id: '7',
            name: 'Ada',
            friends: [71, 72, 73].map((id) => ({ id: String(id), name: 'Friend' })),
          },
        },
      });
      await post('query Other { user(id: "8") { id } } mutation Fail { fail }', 'Fail');
      await post('query Broken { nope }');
      await waitUntil('3 transactions', () => transactionsOf(ingest).length >= 3);

      const named = transactionsOf(ingest).find((item) => item.transaction === 'query GetUser');
      expect(named, 'the transaction named after the operation').toMatchObject({
        transaction_info: { source: 'custom' },
      });
      expect(traceOf(named!).op).toBe('http.server');
      expect(spansWithOp(named!).map((span) => [span.op, span.description])).toEqual([
        ['graphql.parse', 'graphql.parse'],
        ['graphql.validate', 'graphql.validate'],
        ['graphql.execute', 'query GetUser'],
        ['db', 'SELECT $1::text AS id, ? AS name'],
        ['function', 'dataloader.batch friends-graphql'],
        ['db', 'SELECT id::text, $2::text AS name FROM unnest($1::int[]) AS id'],
      ]);
      const [execute] = spansWithOp(named!, 'graphql.execute');
      expect(execute?.data).toMatchObject({
        'graphql.operation.type': 'query',
        'graphql.operation.name': 'GetUser',
        'sentry.origin': 'auto.graphql.graphql',
      });
      expect(execute?.data['graphql.document']).toBeUndefined();
      expect(spansWithOp(named!, 'db')[0]?.parent_span_id).toBe(execute?.span_id);
      // the three friends' loads were one batch, whose query nests under it
      const [batch] = spansWithOp(named!, 'function');
      expect(batch?.data).toMatchObject({
        'dataloader.name': 'friends-graphql',
        'dataloader.batch.size': 3,
        'sentry.origin': 'auto.graphql.dataloader',
      });
      expect(batch?.parent_span_id).toBe(execute?.span_id);
      expect(spansWithOp(named!, 'db')[1]?.parent_span_id).toBe(batch?.span_id);

      const failed = transactionWith('graphql.execute', 'mutation Fail');
      expect(failed?.transaction).toBe('mutation Fail');
      expect(spansWithOp(failed!, 'graphql.execute')[0]?.status).toBe('internal_error');

      // a document that does not validate is never executed: the request keeps its URL name
      const broken = transactionsOf(ingest).find((item) => item.transaction === 'POST /graphql');
      expect(spansWithOp(broken!).map((span) => [span.op, span.status ?? 'ok'])).toEqual([
        ['graphql.parse', 'ok'],
        ['graphql.validate', 'internal_error'],
      ]);
    });
  }
});
