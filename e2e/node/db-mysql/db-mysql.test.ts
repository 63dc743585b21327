import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import {
  breadcrumbsOf,
  eventsOf,
  requireService,
  SERVICES,
  spansWithOp,
  transactionsOf,
  uniqueName,
} from '../db-lib/services';
import { runSubject } from '../runtime-lib/run-subject';

const here = import.meta.dirname;
let ingest: IngestServer;
beforeAll(() => requireService(SERVICES.mariadb));
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(() => ingest.close());

async function runQueries(script: string, env: Record<string, string> = {}) {
  const table = uniqueName('sentry_e2e_mysql');
  const result = await runSubject(join(here, script), ingest, {
    env: { TABLE: table, ...env },
    timeoutMs: 30_000,
  });
  expect(result.code, result.stderr).toBe(0);
  const seen = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
  const transaction = transactionsOf(ingest).find((item) => item.transaction === 'mysql-e2e');
  const event = eventsOf(ingest).find((item) => item.logentry?.message === 'mysql done');
  expect(transaction, 'the mysql-e2e transaction').toBeDefined();
  expect(event, 'the mysql done event').toBeDefined();
  return { table, seen, spans: spansWithOp(transaction!, 'db'), event: event! };
}

describe('mysql2 against the real MariaDB', () => {
  for (const script of ['subject.cjs', 'subject.mjs']) {
    it(`${script}: a db span and a breadcrumb per query and execute, values mysql2 formats in replaced`, async () => {
      const { table, seen, spans, event } = await runQueries(script);
      const descriptions = spans.map((span) => span.description);
      expect(descriptions).toEqual([
        `CREATE TABLE ${table} (id INT PRIMARY KEY, name TEXT)`,
        `INSERT INTO ${table} (id, name) VALUES (?, ?), (?, ?)`,
        `SELECT name FROM ${table} WHERE id = ?`,
        `SELECT * FROM missing_${table}`,
        `SELECT * FROM ${table} WHERE name = ?`,
        `UPDATE ${table} SET name = ? WHERE id = ?`,
        `SELECT id FROM ${table} WHERE id > ?`,
        `DROP TABLE ${table}`,
      ]);
      for (const span of spans) {
        expect(span.data).toMatchObject({
          'db.system': 'mysql',
          'db.namespace': 'test',
          'server.address': '127.0.0.1',
          'server.port': 3306,
          'db.query.text': span.description,
          'sentry.origin': 'auto.db.mysql2',
        });
      }
      expect(spans.map((span) => span.status ?? 'ok')).toEqual([
        'ok',
        'ok',
        'ok',
        'internal_error',
        'ok',
        'ok',
        'ok',
        'ok',
      ]);
      expect(seen).toEqual({ failed: 'ER_NO_SUCH_TABLE', poolRows: 2 });
      const sent = JSON.stringify(ingest.received.map(({ body }) => body.toString('utf8')));
      expect(sent).not.toMatch(/-secret/);
      const queries = breadcrumbsOf(event).filter((crumb) => crumb.category === 'query');
      expect(queries.map((crumb) => crumb.message)).toEqual(descriptions);
      expect(queries[3]?.level).toBe('error');
    });
  }

  it('with sendDefaultPii, db.query.text is the text mysql2 sent, values included', async () => {
    const { table, spans } = await runQueries('subject.cjs', { SEND_PII: '1' });
    expect(spans[1]?.data['db.query.text']).toBe(
      `INSERT INTO ${table} (id, name) VALUES (1, 'ada-secret'), (2, 'grace-secret')`,
    );
  });
});
