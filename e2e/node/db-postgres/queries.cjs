// The queries both subjects run, given the SDK and the `pg` module each of them loaded its own way.
const CONNECTION = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' };

/** Runs pg's query shapes inside a `pg-e2e` transaction; returns what the callbacks saw. */
exports.runQueries = async function runQueries(Sentry, pg, table) {
  const seen = {};
  await Sentry.startSpan({ name: 'pg-e2e', op: 'function' }, async () => {
    const client = new pg.Client(CONNECTION);
    await client.connect();
    try {
      await client.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, name text)`);
      await client.query(`INSERT INTO ${table} (id, name) VALUES (1, 'ada-secret'), (2, 'grace-secret')`);
      await client.query(`SELECT name FROM ${table} WHERE id = $1`, [1]);
      await client.query({
        name: `by-id-${table}`,
        text: `SELECT * FROM ${table} WHERE id = $1`,
        values: [2],
      });
      await client.query({
        name: `by-id-${table}`,
        text: `SELECT * FROM ${table} WHERE id = $1`,
        values: [1],
      });
      seen.callbackSpan = await new Promise((resolve, reject) => {
        client.query(`SELECT count(*) FROM ${table} WHERE name <> 'hopper-secret'`, (error) => {
          if (error) reject(error);
          else resolve(Sentry.getActiveSpan() ? 'pg-e2e' : 'none');
        });
      });
      await client.query(`SELECT * FROM missing_${table}`).catch((error) => (seen.failed = error.message));
    } finally {
      await client.end();
    }
    const pool = new pg.Pool({ ...CONNECTION, max: 1 });
    // with one connection, the second query waits for the first to release it
    const [rows] = await Promise.all([
      pool.query(`SELECT id FROM ${table} WHERE name = 'ada-secret'`),
      new Promise((resolve, reject) =>
        pool.query(`UPDATE ${table} SET name = 'x' WHERE id = 99`, (error) =>
          error ? reject(error) : resolve(),
        ),
      ),
    ]);
    seen.poolRows = rows.rowCount;
    // each waiting caller's query belongs to its own span, not to the one that released the connection
    await Promise.all(
      ['first', 'second', 'third'].map((name) =>
        Sentry.startSpan(
          { name: `pool-${name}`, op: 'function' },
          () =>
            new Promise((resolve, reject) =>
              pool.query(`SELECT pg_sleep(0.05), 1 AS ${name}`, (error) =>
                error ? reject(error) : resolve(),
              ),
            ),
        ),
      ),
    );
    await pool.query(`DROP TABLE ${table}`);
    await pool.end();
  });
  Sentry.captureMessage('pg done');
  await Sentry.flush(5000);
  return seen;
};
