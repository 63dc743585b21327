import { describe, expect, it } from 'vitest';
import { toSqlOperation } from './sql-operation';

describe('toSqlOperation', () => {
  const query = {
    system: 'postgresql',
    origin: 'auto.db.pg',
    text: "SELECT * FROM users WHERE email = 'ada@example.com'",
    database: 'shop',
    host: 'db.internal',
    port: 5432,
  };

  it('describes a query by its text without literals, with OpenTelemetry attributes', () => {
    expect(toSqlOperation({ ...query, sendRawText: false })).toEqual({
      op: 'db',
      origin: 'auto.db.pg',
      description: 'SELECT * FROM users WHERE email = ?',
      breadcrumbCategory: 'query',
      attributes: {
        'db.system': 'postgresql',
        'db.query.text': 'SELECT * FROM users WHERE email = ?',
        'db.operation.name': 'SELECT',
        'db.namespace': 'shop',
        'server.address': 'db.internal',
        'server.port': 5432,
      },
    });
  });

  it('keeps the raw text with sendRawText, and leaves out what the driver does not know', () => {
    const operation = toSqlOperation({
      system: 'mysql',
      origin: 'auto.db.mysql2',
      text: '/* x */ 42',
      port: Number.NaN,
      sendRawText: true,
    });
    expect(operation.description).toBe('/* x */ 42');
    expect(operation.attributes).toEqual({ 'db.system': 'mysql', 'db.query.text': '/* x */ 42' });
  });
});
