import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { requireService, SERVICES, spansWithOp, transactionsOf, uniqueName } from '../db-lib/services';
import { runSubject } from '../runtime-lib/run-subject';

const here = import.meta.dirname;
let ingest: IngestServer;
beforeAll(async () => {
  await requireService(SERVICES.postgres);
  await requireService(SERVICES.mariadb);
});
beforeEach(async () => {
  ingest = await startIngestServer();
});
afterEach(() => ingest.close());

describe('ORMs and query builders get their spans through the driver instrumentation', () => {
  for (const script of ['subject.cjs', 'subject.mjs']) {
    it(`${script}: Knex on pg, Sequelize on mysql2`, async () => {
      const table = uniqueName('sentry_e2e_orm');
      const result = await runSubject(join(here, script), ingest, {
        env: { TABLE: table },
        timeoutMs: 30_000,
      });
      expect(result.code, result.stderr).toBe(0);
      const transaction = transactionsOf(ingest).find((item) => item.transaction === 'orm-e2e');
      expect(transaction, 'the orm-e2e transaction').toBeDefined();
      const spans = spansWithOp(transaction!, 'db').map((span) => [span.data['db.system'], span.description]);
      expect(spans).toEqual(
        expect.arrayContaining([
          ['postgresql', `insert into "${table}" ("id", "name") values ($1, $2)`],
          ['postgresql', `select "name" from "${table}" where "id" = $1 limit $2`],
          ['postgresql', `drop table "${table}"`],
          ['mysql', `INSERT INTO \`${table}\` (\`id\`,\`name\`) VALUES (DEFAULT,?);`],
          [
            'mysql',
            `SELECT \`id\`, \`name\` FROM \`${table}\` AS \`Person\` WHERE \`Person\`.\`name\` = ? LIMIT ?;`,
          ],
          ['mysql', `DROP TABLE IF EXISTS \`${table}\`;`],
        ]),
      );
      const sent = JSON.stringify(ingest.received.map(({ body }) => body.toString('utf8')));
      expect(sent).not.toMatch(/knex-secret|sequelize-secret/);
    });
  }
});
