/** One line of a V8 `error.stack`, taken apart but not yet interpreted. */
export interface V8Line {
  /** As V8 printed it, `async ` and `new ` included; absent for location-only lines. */
  function?: string;
  /** The path, URL or pseudo-file (`<anonymous>`, `native`, `node:fs`); absent for `index 0` and the like. */
  file?: string;
  line?: number;
  column?: number;
  /** True when V8 marked the frame `native`. */
  native: boolean;
}

// V8 never prints longer lines for real frames; anything longer is a message that happens to contain "at ".
const MAX_LINE_LENGTH = 1024;
const FRAME_PREFIX = /^\s*at\s+/;
const POSITION_SUFFIX = /:(\d+)(?::(\d+))?$/;

/**
 * Parses one `    at …` line of a V8 stack (https://v8.dev/docs/stack-trace-api): `fn (loc)`,
 * `loc` alone, `async fn (loc)`, `new Foo (loc)`, `fn [as alias] (loc)`, `fn (native)` and
 * `eval at outer (loc), <anonymous>:1:2` locations. Returns undefined for lines that are not frames.
 */
export function parseV8Line(text: string): V8Line | undefined {
  if (text.length > MAX_LINE_LENGTH) return undefined;
  const prefix = FRAME_PREFIX.exec(text);
  if (!prefix) return undefined;
  const body = text.slice(prefix[0].length).trimEnd();
  if (!body) return undefined;

  if (body.endsWith(')')) {
    const open = findOpeningParen(body);
    if (open > 0) {
      const name = body.slice(0, open).trimEnd();
      const frame = parseLocation(body.slice(open + 1, -1));
      if (name) frame.function = name;
      return frame;
    }
  }
  // `at native` (old V8), `at file:1:2` or `at async file:1:2` (frames without a function name)
  return parseLocation(body.startsWith('async ') ? body.slice(6) : body);
}

/** The index of the `(` that opens the parenthesised location at the end of `body`, or -1. */
function findOpeningParen(body: string): number {
  let depth = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const char = body[i];
    if (char === ')') depth++;
    else if (char === '(' && --depth === 0) return i;
  }
  // unbalanced parentheses in a path: the location starts after the name
  return body.indexOf(' (') + 1 || -1;
}

function parseLocation(location: string): V8Line {
  if (location === 'native') return { native: true };
  // An eval frame reports where eval was called: the innermost location is in a real file.
  if (location.startsWith('eval at ')) return parseEvalLocation(location);
  if (location.startsWith('index ')) return { native: false }; // `async Promise.all (index 0)`

  const position = POSITION_SUFFIX.exec(location);
  if (!position) return { file: location, native: false };
  const file = location.slice(0, position.index);
  const line = Number(position[1]);
  const column = position[2] === undefined ? undefined : Number(position[2]);
  return column === undefined ? { file, line, native: false } : { file, line, column, native: false };
}

/**
 * `eval at NAME (INNER), <anonymous>:5:6` where INNER is a location or another `eval at …` (nested
 * evals); the innermost has no `, <anonymous>` part. Paths may contain parentheses themselves.
 */
function parseEvalLocation(location: string): V8Line {
  const open = location.indexOf(' (');
  const separator = location.lastIndexOf('), ');
  const close = separator === -1 ? location.lastIndexOf(')') : separator;
  if (open === -1 || close <= open) return { file: '<anonymous>', native: false };
  const inner = parseLocation(location.slice(open + 2, close));
  return inner.file === undefined ? { file: '<anonymous>', native: false } : inner;
}
