// A GraphQL endpoint on node:http whose resolvers query PostgreSQL, given the modules each subject
// (CommonJS or ES module) loaded its own way.
const SCHEMA = `
  type User { id: ID!, name: String, friends: [User] }
  type Query { user(id: ID!): User }
  type Mutation { fail: Boolean }
`;

exports.startServer = function startServer(http, graphql, pg, DataLoader) {
  const pool = new pg.Pool({ host: '127.0.0.1', user: 'postgres', database: 'test' });
  const schema = graphql.buildSchema(SCHEMA);
  // one query per batch of friends, however many users ask for theirs
  const names = (request) =>
    new DataLoader(
      async (ids) => {
        const { rows } = await pool.query('SELECT id::text, $2::text AS name FROM unnest($1::int[]) AS id', [
          ids,
          'Friend',
        ]);
        return ids.map((id) => rows.find((row) => row.id === String(id)));
      },
      { name: `friends-${request}` },
    );
  const toUser = (row, loader) => ({
    ...row,
    friends: () => [1, 2, 3].map((id) => loader.load(Number(row.id) * 10 + id)),
  });
  const rootValue = {
    user: async ({ id }, context) => {
      const { rows } = await pool.query("SELECT $1::text AS id, 'Ada' AS name", [id]);
      return toUser(rows[0], context.loader);
    },
    fail: () => {
      throw new Error('mutation failed on purpose');
    },
  };
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      const { query, operationName, variables } = JSON.parse(body);
      const contextValue = { loader: names('graphql') };
      const result = await graphql.graphql({
        schema,
        rootValue,
        contextValue,
        source: query,
        operationName,
        variableValues: variables,
      });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(result));
    });
  });
  server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
};
