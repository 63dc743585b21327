// Knex on pg and Sequelize on mysql2: the ORMs make their queries through the instrumented drivers.
exports.runQueries = async function runQueries(Sentry, knex, Sequelize, table) {
  const db = knex({ client: 'pg', connection: { host: '127.0.0.1', user: 'postgres', database: 'test' } });
  const sequelize = new Sequelize.Sequelize('test', 'root', '', {
    host: '127.0.0.1',
    dialect: 'mysql',
    logging: false,
  });
  await Sentry.startSpan({ name: 'orm-e2e', op: 'function' }, async () => {
    await db.schema.createTable(table, (t) => {
      t.integer('id').primary();
      t.string('name');
    });
    await db(table).insert({ id: 1, name: 'knex-secret' });
    await db(table).where({ id: 1 }).first('name');
    await db.schema.dropTable(table);

    const Person = sequelize.define(
      'Person',
      { name: Sequelize.DataTypes.STRING },
      { tableName: table, timestamps: false },
    );
    await Person.sync();
    await Person.create({ name: 'sequelize-secret' });
    await Person.findOne({ where: { name: 'sequelize-secret' } });
    await Person.drop();
  });
  await db.destroy();
  await sequelize.close();
  await Sentry.flush(5000);
};
