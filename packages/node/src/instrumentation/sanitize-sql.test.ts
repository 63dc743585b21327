import { describe, expect, it } from 'vitest';
import { getSqlOperation, sanitizeSqlQuery } from './sanitize-sql';

describe('sanitizeSqlQuery', () => {
  it.each([
    ["SELECT * FROM users WHERE email = 'ada@example.com'", 'SELECT * FROM users WHERE email = ?'],
    [
      'SELECT * FROM t WHERE a = 42 AND b > 3.14 AND c < -1e10',
      'SELECT * FROM t WHERE a = ? AND b > ? AND c < -?',
    ],
    [
      "INSERT INTO t (a, b) VALUES ('it''s', 0x1F), ('x\\'y', .5)",
      'INSERT INTO t (a, b) VALUES (?, ?), (?, ?)',
    ],
    ["SELECT E'esc\\n', N'nat', X'ff', B'101' FROM t", 'SELECT ?, ?, ?, ? FROM t'],
    ['SELECT $body$ secret $body$, $$ also $$ FROM t', 'SELECT ?, ? FROM t'],
    ['SELECT * FROM t WHERE id = $1 AND name = $2', 'SELECT * FROM t WHERE id = $1 AND name = $2'],
    ['SELECT * FROM t WHERE id = ? AND name = :name', 'SELECT * FROM t WHERE id = ? AND name = :name'],
    ['SELECT "col1", `col2`, table3.c4 FROM "Table 5"', 'SELECT "col1", `col2`, table3.c4 FROM "Table 5"'],
    [
      'SELECT 1 -- the secret 123\nFROM t /* id = 7 */ WHERE x IN (1, 2)',
      'SELECT ? FROM t WHERE x IN (?, ?)',
    ],
    ['  SELECT\n\t*\n  FROM   t  ', 'SELECT * FROM t'],
    ["SELECT 'unterminated", 'SELECT ?'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeSqlQuery(input)).toBe(expected);
  });

  it('treats "…" as a string in MySQL dialect, as an identifier otherwise', () => {
    const query = 'SELECT * FROM t WHERE name = "ada"';
    expect(sanitizeSqlQuery(query, { doubleQuotedStrings: true })).toBe('SELECT * FROM t WHERE name = ?');
    expect(sanitizeSqlQuery(query)).toBe(query);
  });

  it('never leaves a digit of a literal and caps huge queries', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `(${i}, 'v${i}')`).join(', ');
    const sanitized = sanitizeSqlQuery(`INSERT INTO t VALUES ${values}`);
    expect(sanitized.length).toBeLessThanOrEqual(8192);
    expect(sanitized).toMatch(/^INSERT INTO t VALUES \(\?, \?\), \(\?, \?\)/);
    expect(sanitized).not.toMatch(/\d/);
  });
});

describe('getSqlOperation', () => {
  it.each([
    ['select 1', 'SELECT'],
    ['  /* hint */ -- c\n (SELECT 1) UNION (SELECT 2)', 'SELECT'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'WITH'],
    ['insert into t values (1)', 'INSERT'],
    ['123', undefined],
  ])('%j → %s', (input, expected) => {
    expect(getSqlOperation(input)).toBe(expected);
  });
});
