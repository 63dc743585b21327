import { readProperty } from '@sentry-sdk/core/internal';

/** How a dialect quotes: PostgreSQL and standard SQL keep `"…"` for identifiers, MySQL's default mode for strings. */
export interface SqlDialect {
  /** `"…"` holds a string value (MySQL without ANSI_QUOTES) rather than an identifier. */
  doubleQuotedStrings?: boolean;
}

const PLACEHOLDER = '?';
// spans and breadcrumbs carry the query: a huge generated one is cut rather than sent whole
const MAX_QUERY_LENGTH = 8192;

const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';
const isWordChar = (char: string | undefined): boolean =>
  char !== undefined && /[\w$\u0080-\uffff]/.test(char);
const isSpace = (char: string | undefined): boolean =>
  char === ' ' || char === '\n' || char === '\t' || char === '\r' || char === '\f';

/** The index right after a quoted section that starts at `start` (doubled quotes and, in strings, backslashes escape). */
function skipQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const char = sql[i];
    if (backslashEscapes && char === '\\') i += 2;
    else if (char === quote) {
      if (sql[i + 1] !== quote) return i + 1;
      i += 2;
    } else i += 1;
  }
  return sql.length;
}

/** PostgreSQL's `$tag$ … $tag$` strings: the end of one starting at `start`, or -1 when this is no such string (`$1`). */
function skipDollarQuoted(sql: string, start: number): number {
  const match = /^\$([A-Za-z_][\w]*)?\$/.exec(sql.slice(start, start + 64));
  if (!match) return -1;
  const end = sql.indexOf(match[0], start + match[0].length);
  return end === -1 ? sql.length : end + match[0].length;
}

/** The index right after a number literal (integer, decimal, exponent, hexadecimal) starting at `start`. */
function skipNumber(sql: string, start: number): number {
  const match = /^(?:0x[\da-f]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i.exec(sql.slice(start, start + 128));
  return start + (match ? match[0].length : 1);
}

/**
 * The query with every literal value replaced by `?`: quoted strings (with their `E'…'`, `N'…'`,
 * `X'…'`, `B'…'` prefixes), PostgreSQL dollar-quoted strings, numbers and hexadecimal values.
 * Identifiers (`"col"`, `` `col` ``, `table1`), bound parameters (`$1`, `?`, `:name`) and keywords
 * stay; comments are dropped (they may hold values too) and runs of whitespace become one space.
 * @example sanitizeSqlQuery("SELECT * FROM users WHERE email = 'ada@example.com' AND age > 36") // "SELECT * FROM users WHERE email = ? AND age > ?"
 */
export function sanitizeSqlQuery(sql: string, input: SqlDialect = {}): string {
  // public API: anything but a string sanitizes to nothing, and the dialect is read guarded
  if (typeof sql !== 'string') return '';
  const dialect: SqlDialect = { doubleQuotedStrings: readProperty(input, 'doubleQuotedStrings') === true };
  let out = '';
  let i = 0;
  const push = (text: string): void => {
    if (text === ' ' && (out === '' || out.endsWith(' '))) return;
    out += text;
  };
  while (i < sql.length && out.length < MAX_QUERY_LENGTH) {
    const char = sql[i] as string;
    const next = sql[i + 1];
    if (isSpace(char)) {
      push(' ');
      i += 1;
    } else if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
      push(' ');
    } else if (char === "'") {
      const prefix = /[ENXB]$/i.test(out) && !isWordChar(out[out.length - 2]);
      if (prefix) out = out.slice(0, -1);
      i = skipQuoted(sql, i, "'", true);
      push(PLACEHOLDER);
    } else if (char === '"') {
      const end = skipQuoted(sql, i, '"', dialect.doubleQuotedStrings === true);
      push(dialect.doubleQuotedStrings ? PLACEHOLDER : sql.slice(i, end));
      i = end;
    } else if (char === '`') {
      const end = skipQuoted(sql, i, '`', false);
      push(sql.slice(i, end));
      i = end;
    } else if (char === '$' && !isWordChar(out[out.length - 1])) {
      const end = skipDollarQuoted(sql, i);
      if (end === -1) {
        // a bound parameter (`$1`): keep it whole so its digits are not taken for a number
        const match = /^\$\d*/.exec(sql.slice(i, i + 16)) as RegExpExecArray;
        push(match[0]);
        i += match[0].length;
      } else {
        push(PLACEHOLDER);
        i = end;
      }
    } else if ((isDigit(char) || (char === '.' && isDigit(next))) && !isWordChar(out[out.length - 1])) {
      i = skipNumber(sql, i);
      push(PLACEHOLDER);
    } else if (isWordChar(char)) {
      const start = i;
      while (i < sql.length && isWordChar(sql[i])) i += 1;
      push(sql.slice(start, i));
    } else {
      push(char);
      i += 1;
    }
  }
  return out.trimEnd().slice(0, MAX_QUERY_LENGTH);
}

/**
 * The operation of a query: its first keyword in upper case (`SELECT`, `INSERT`, `WITH`, `CREATE`),
 * after leading comments and parentheses; undefined when it starts with no keyword.
 */
export function getSqlOperation(sql: string): string | undefined {
  const match = /^(?:\s|\(|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(sql.slice(0, 4096));
  return match?.[1]?.toUpperCase();
}
