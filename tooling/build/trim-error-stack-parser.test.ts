import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseAst } from 'rollup/parseAst';
import { describe, expect, it } from 'vitest';
import { trimErrorStackParser } from './trim-error-stack-parser.mjs';

const browserRequire = createRequire(resolve(import.meta.dirname, '../../packages/browser/package.json'));
const file = browserRequire.resolve('error-stack-parser');
const source = readFileSync(file, 'utf8');

type Parser = { parse(error: { name: string; message: string; stack: string }): unknown[] };

function load(code: string): Parser {
  const module = { exports: {} as Parser };
  const StackFrame = browserRequire('stackframe') as unknown;
  new Function('module', 'exports', 'require', code)(module, module.exports, () => StackFrame);
  return module.exports;
}

function trim(code: string, id = file): { code: string; map: null } {
  const context = {
    parse: (text: string) => parseAst(text),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  return (trimErrorStackParser().transform as (this: unknown, c: string, i: string) => never).call(context, code, id);
}

const STACKS = [
  'TypeError: x is undefined\n    at render (https://app.example/main.js:10:5)\n    at https://app.example/vendor.js:2:100\n    at new Promise (<anonymous>)\n    at eval (eval at run (https://app.example/main.js:3:1), <anonymous>:1:1)',
  'render@https://app.example/main.js:10:5\n@https://app.example/vendor.js:2:100\npromise callback*x@https://app.example/a.js:1:2\nrun@https://app.example/main.js line 4 > eval:1:31\n[native code]',
];

describe('the CDN bundles’ copy of error-stack-parser', () => {
  it('loses the Opera parsers, keeps its positions, and parses Chrome, Firefox and Safari stacks as before', () => {
    const trimmed = trim(source);
    expect(trimmed.map).toBeNull();
    expect(trimmed.code).toHaveLength(source.length);
    expect(trimmed.code.split('\n')).toHaveLength(source.split('\n').length);
    expect(trimmed.code).not.toMatch(/parseOpera\w*\s*:/);
    const original = load(source);
    const trimmedParser = load(trimmed.code);
    for (const stack of STACKS) {
      const frames = trimmedParser.parse({ name: '', message: '', stack });
      expect(frames.length).toBeGreaterThan(1);
      expect(JSON.stringify(frames)).toBe(JSON.stringify(original.parse({ name: '', message: '', stack })));
    }
  });

  it('leaves other modules alone and fails the build when the parser changed shape', () => {
    expect((trimErrorStackParser().transform as (c: string, i: string) => unknown)('x', '/a/b.js')).toBeNull();
    expect(() => trim(source.replace(/parseOpera9/g, 'parseOperaNine'))).toThrow(/changed shape/);
  });
});
