// The queries both subjects run, given the SDK and the mysql2 modules each of them loaded its own way.
const CONNECTION = { host: '127.0.0.1', port: 3306, user: 'root', database: 'test' };

function callback(run) {
  return new Promise((resolve, reject) => run((error, result) => (error ? reject(error) : resolve(result))));
}

/** Runs mysql2's query shapes (callback and promise APIs, execute, a pool) inside a `mysql-e2e` transaction. */
exports.runQueries = async function runQueries(Sentry, mysql, mysqlPromise, table) {
  const seen = {};
  await Sentry.startSpan({ name: 'mysql-e2e', op: 'function' }, async () => {
    const connection = mysql.createConnection(CONNECTION);
    await callback((done) => connection.query(`CREATE TABLE ${table} (id INT PRIMARY KEY, name TEXT)`, done));
    await callback((done) =>
      connection.query(
        `INSERT INTO ${table} (id, name) VALUES (?, ?), (?, ?)`,
        [1, 'ada-secret', 2, 'grace-secret'],
        done,
      ),
    );
    await callback((done) => connection.execute(`SELECT name FROM ${table} WHERE id = ?`, [1], done));
    await callback((done) => connection.query(`SELECT * FROM missing_${table}`, done)).catch(
      (error) => (seen.failed = error.code),
    );
    await callback((done) => connection.end(done));

    const promised = await mysqlPromise.createConnection(CONNECTION);
    await promised.query(`SELECT * FROM ${table} WHERE name = "hopper-secret"`);
    await promised.execute(`UPDATE ${table} SET name = ? WHERE id = ?`, ['lovelace-secret', 1]);
    await promised.end();

    const pool = mysqlPromise.createPool({ ...CONNECTION, connectionLimit: 1 });
    const [rows] = await pool.query(`SELECT id FROM ${table} WHERE id > 0`);
    seen.poolRows = rows.length;
    await pool.query(`DROP TABLE ${table}`);
    await pool.end();
  });
  Sentry.captureMessage('mysql done');
  await Sentry.flush(5000);
  return seen;
};
