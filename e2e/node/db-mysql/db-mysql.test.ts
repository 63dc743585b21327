import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { breadcrumbsOf, requireService, SERVICES, spansWithOp, uniqueName } from '../db-lib/services';
import { runDbSubject } from '../db-lib/run-db-subject';

const here = import.meta.dirname;
let ingest: IngestServer;
beforeAll(() => requireService(SERVICES.mariadb));
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(() => ingest.close());

async function runQueries(script: string, env: Record<string, string> = {}) {
  const table = uniqueName('sentry_e2e_mysql');
  const { seen, transaction, event } = await runDbSubject(join(here, script), ingest, 'mysql', {
    TABLE: table,
    ...env,
  });
  return { table, seen, spans: spansWithOp(transaction, 'db'), event };
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
