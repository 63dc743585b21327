import { describe, expect, it } from 'vitest';
import chrome from './chrome-stacks.json';
import firefox from './firefox-stacks.json';
import safari from './safari-stacks.json';
import { browserStackParser } from './browser-stack-parser';
import { markSdkScript } from './frame-in-app';

type Expected = [string, string, number | null, number | null, boolean];
interface Case {
  name: string;
  stack: string;
  frames: Expected[];
}

function compact(stack: string): Expected[] {
  return browserStackParser(stack).map((f) => [
    f.function!,
    f.filename!,
    f.lineno ?? null,
    f.colno ?? null,
    f.in_app!,
  ]);
}

describe.each([
  ['Chrome/Edge', chrome.cases as Case[]],
  ['Firefox', firefox.cases as Case[]],
  ['Safari', safari.cases as Case[]],
])('browserStackParser on %s stacks', (_browser, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { stack, frames }) => {
    expect(compact(stack)).toEqual(frames);
  });
});

describe('browserStackParser', () => {
  it('orders frames oldest first: the throwing function last', () => {
    const frames = browserStackParser(chrome.cases[0]!.stack);
    expect(frames.at(-1)?.function).toBe('namedThrower');
  });

  it('skips the lines it is told to skip', () => {
    const stack = 'Error: x\n    at sdkFrame (http://h/sdk.js:1:1)\n    at user (http://h/app.js:2:2)';
    expect(browserStackParser(stack, 2).map((f) => f.function)).toEqual(['user']);
  });

  it('keeps the newest 50 frames of a deep recursion', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `    at f${i} (http://h/app.js:${i + 1}:1)`);
    const frames = browserStackParser(`RangeError: Maximum call stack size exceeded\n${lines.join('\n')}`);
    expect(frames).toHaveLength(50);
    expect(frames.at(-1)?.function).toBe('f0');
    expect(frames[0]?.function).toBe('f49');
  });

  it('ignores lines too long to be frames', () => {
    const long = `    at x (http://h/${'a'.repeat(2000)}.js:1:1)`;
    expect(
      browserStackParser(`Error\n${long}\n    at y (http://h/app.js:3:4)`).map((f) => f.function),
    ).toEqual(['y']);
  });

  it('returns no frames for empty, non-string or garbage input', () => {
    expect(browserStackParser('')).toEqual([]);
    expect(browserStackParser(undefined as unknown as string)).toEqual([]);
    expect(browserStackParser('Error\nsomething went wrong\nat nowhere')).toEqual([]);
  });

  it('reads a stack with one V8 frame as V8: its other lines are no frames', () => {
    const stack =
      'Error\n    at fn (http://h/a.js:1:2)\nnot a frame@http://h/b.js:3:4\n    at async Promise.all (index 0)';
    expect(compact(stack)).toEqual([['fn', 'http://h/a.js', 1, 2, true]]);
  });

  it('places a Firefox frame with two eval markers at the first one', () => {
    expect(compact('f@http://h/a.js line 4 > eval:1:2 line 5 > eval:3:4')).toEqual([
      ['f', 'http://h/a.js', 4, 5, true],
    ]);
  });

  it('marks frames of the SDK bundle as not in-app once its URL is known', () => {
    const stack =
      'Error\n    at wrapped (http://cdn.test/bundle.min.js:1:500)\n    at user (http://h/app.js:2:2)';
    markSdkScript('http://cdn.test/bundle.min.js');
    expect(compact(stack)).toEqual(
      [
        ['wrapped', 'http://cdn.test/bundle.min.js', 1, 500, false],
        ['user', 'http://h/app.js', 2, 2, true],
      ].reverse(),
    );
  });
});
