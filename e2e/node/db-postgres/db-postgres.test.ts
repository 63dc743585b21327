import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { breadcrumbsOf, requireService, SERVICES, spansWithOp, uniqueName } from '../db-lib/services';
import { runDbSubject } from '../db-lib/run-db-subject';

const here = import.meta.dirname;
let ingest: IngestServer;
beforeAll(() => requireService(SERVICES.postgres));
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(() => ingest.close());

async function runQueries(script: string, env: Record<string, string> = {}) {
  const table = uniqueName('sentry_e2e_pg');
  const { seen, transaction, event } = await runDbSubject(join(here, script), ingest, 'pg', {
    TABLE: table,
    ...env,
  });
  return { table, seen, transaction, event };
}

function descriptionsOf(spans: { description?: string }[]): string[] {
  return spans.map((span) => span.description ?? '');
}

describe('node-postgres (pg) against the real PostgreSQL', () => {
  for (const script of ['subject.cjs', 'subject.mjs']) {
    it(`${script}: a db span and a breadcrumb per query, literal values replaced, context kept`, async () => {
      const { table, seen, transaction, event } = await runQueries(script);
      const spans = spansWithOp(transaction, 'db');
      expect(descriptionsOf(spans)).toEqual([
        `CREATE TABLE ${table} (id integer PRIMARY KEY, name text)`,
        `INSERT INTO ${table} (id, name) VALUES (?, ?), (?, ?)`,
        `SELECT name FROM ${table} WHERE id = $1`,
        `SELECT * FROM ${table} WHERE id = $1`,
        `SELECT * FROM ${table} WHERE id = $1`,
        `SELECT count(*) FROM ${table} WHERE name <> ?`,
        `SELECT * FROM missing_${table}`,
        // the pool's two queries, in the order they reached the connection, then the clean-up
        `SELECT id FROM ${table} WHERE name = ?`,
        `UPDATE ${table} SET name = ? WHERE id = ?`,
        'SELECT pg_sleep(?), ? AS first',
        'SELECT pg_sleep(?), ? AS second',
        'SELECT pg_sleep(?), ? AS third',
        `DROP TABLE ${table}`,
      ]);
      const root = transaction.contexts?.['trace'] as { span_id: string };
      for (const name of ['first', 'second', 'third']) {
        const parent = spansWithOp(transaction, 'function').find(
          (span) => span.description === `pool-${name}`,
        );
        const query = spans.find((span) => span.description?.endsWith(` AS ${name}`));
        expect(query?.parent_span_id, `the pool query of pool-${name}`).toBe(parent?.span_id);
      }
      for (const span of spans.filter((span) => !span.description?.includes('pg_sleep'))) {
        expect(span.parent_span_id).toBe(root.span_id);
        expect(span.data).toMatchObject({
          'db.system': 'postgresql',
          'db.namespace': 'test',
          'server.address': '127.0.0.1',
          'server.port': 5432,
          'db.query.text': span.description,
          'sentry.origin': 'auto.db.pg',
        });
      }
      expect(spans.map((span) => span.data['db.operation.name'])).toEqual([
        'CREATE',
        'INSERT',
        'SELECT',
        'SELECT',
        'SELECT',
        'SELECT',
        'SELECT',
        'SELECT',
        'UPDATE',
        'SELECT',
        'SELECT',
        'SELECT',
        'DROP',
      ]);
      expect(spans[6]?.status).toBe('internal_error');
      expect(spans.filter((span) => span.status === 'internal_error')).toHaveLength(1);
      // no literal reached the ingest server, neither in spans nor in breadcrumbs
      const sent = JSON.stringify(ingest.received.map(({ body }) => body.toString('utf8')));
      expect(sent).not.toMatch(/ada-secret|grace-secret|hopper-secret/);
      expect(seen).toMatchObject({ callbackSpan: 'pg-e2e', poolRows: 1 });
      expect(seen['failed']).toMatch(/does not exist/);

      const queries = breadcrumbsOf(event).filter((crumb) => crumb.category === 'query');
      expect(queries.map((crumb) => crumb.message)).toEqual(descriptionsOf(spans));
      expect(queries.map((crumb) => crumb.level ?? 'info')).toEqual([
        'info',
        'info',
        'info',
        'info',
        'info',
        'info',
        'error',
        'info',
        'info',
        'info',
        'info',
        'info',
        'info',
      ]);
    });
  }

  it('with sendDefaultPii, db.query.text is the query as written', async () => {
    const { table, transaction } = await runQueries('subject.cjs', { SEND_PII: '1' });
    const insert = spansWithOp(transaction, 'db')[1];
    expect(insert?.description).toBe(
      `INSERT INTO ${table} (id, name) VALUES (1, 'ada-secret'), (2, 'grace-secret')`,
    );
    expect(insert?.data['db.query.text']).toBe(insert?.description);
  });
});
