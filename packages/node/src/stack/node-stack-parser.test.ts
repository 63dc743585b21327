import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StackFrame } from '@sentry-sdk/core';
import { createNodeStackParser, nodeStackParser } from './node-stack-parser';

interface Fixture {
  name: string;
  appRoot: string;
  stack: string;
  throwAt?: { path: string; line: number; column: number };
}

// Real stacks printed by Node (see fixtures/generate-v8-stacks.mjs, which regenerates them).
const corpus = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/v8-stacks.json'), 'utf8')) as {
  stacks: Fixture[];
};
const fixture = (name: string): Fixture => corpus.stacks.find((entry) => entry.name === name)!;
const parse = (name: string): StackFrame[] => {
  const { appRoot, stack } = fixture(name);
  return createNodeStackParser(appRoot)(stack);
};
const functions = (frames: StackFrame[]): (string | undefined)[] => frames.map((frame) => frame.function);

describe('nodeStackParser over real V8 stacks', () => {
  it.each(corpus.stacks.map((entry) => [entry.name, entry] as const))(
    '%s: one frame per `at` line, oldest first',
    (_, entry) => {
      const frames = createNodeStackParser(entry.appRoot)(entry.stack);
      const atLines = entry.stack.split('\n').filter((line) => /^\s+at /.test(line));
      expect(frames).toHaveLength(atLines.length);
      // V8 prints the newest frame first; the parser puts it last
      const newest = atLines[0]!;
      const last = frames[frames.length - 1]!;
      if (last.lineno !== undefined) expect(newest).toContain(`:${last.lineno}:${last.colno}`);
      for (const frame of frames) {
        expect(frame.function).toBeTruthy();
        if (frame.abs_path !== undefined) {
          expect(frame.filename).toBe(frame.abs_path);
          expect(frame.abs_path.startsWith('/')).toBe(true);
          expect(frame.module).toBeTruthy();
        }
        expect(frame.in_app).toBe(frame.abs_path !== undefined && !frame.abs_path.includes('/node_modules/'));
      }
    },
  );

  it.each(corpus.stacks.filter((entry) => entry.throwAt).map((entry) => [entry.name, entry] as const))(
    '%s: the last frame is where the error was thrown',
    (_, entry) => {
      const frames = createNodeStackParser(entry.appRoot)(entry.stack);
      const last = frames[frames.length - 1]!;
      expect({ path: last.abs_path, line: last.lineno, column: last.colno }).toEqual(entry.throwAt);
    },
  );

  it('names constructors, methods called through an alias and module code', () => {
    const frames = parse('cjs-constructor-and-alias');
    expect(functions(frames).slice(-4)).toEqual([
      'Object.<anonymous>',
      'Object.start',
      'load',
      'new Repository',
    ]);
    expect(frames.at(-1)).toMatchObject({ module: 'src:sync', in_app: true });
    const internal = frames.find((frame) => frame.function === 'Module._compile')!;
    expect(internal).toEqual({
      function: 'Module._compile',
      filename: 'node:internal/modules/cjs/loader',
      lineno: expect.any(Number),
      colno: expect.any(Number),
      in_app: false,
    });
    expect(frames.find((frame) => frame.function?.includes('[as runMain]'))?.in_app).toBe(false);
  });

  it('keeps async continuations under their function name and marks `Promise.all (index 0)` as not in app', () => {
    const frames = parse('cjs-async-await');
    expect(functions(frames)).toEqual(['handle', 'Promise.all', 'fetchUser']);
    expect(frames[0]).toMatchObject({ module: 'src:async', lineno: 7, colno: 17, in_app: true });
    expect(frames[1]).toEqual({ function: 'Promise.all', in_app: false });
  });

  it('reports eval frames at the eval call of the file, through nested evals and parentheses in paths', () => {
    const { throwAt } = fixture('cjs-nested-eval');
    const frames = parse('cjs-nested-eval');
    const evalFrames = frames.slice(-3);
    expect(functions(evalFrames)).toEqual(['eval', 'inner', 'eval']);
    for (const frame of evalFrames) {
      expect(frame).toMatchObject({ abs_path: throwAt!.path, lineno: 3, colno: 3, in_app: true });
    }
  });

  it('treats vm scripts with relative or pseudo file names as not in app', () => {
    const named = parse('vm-named-script');
    expect(named.at(-1)).toEqual({
      function: 'step',
      filename: 'scripts/job.vm.js',
      lineno: 1,
      colno: 25,
      in_app: false,
    });
    expect(named.at(-2)).toMatchObject({ function: '?', filename: 'scripts/job.vm.js', lineno: 2 });
    const anonymous = parse('vm-anonymous-script');
    expect(anonymous.slice(-3)).toEqual([
      { function: '?', filename: 'evalmachine.<anonymous>', lineno: 1, colno: 5, in_app: false },
      { function: 'Array.map', filename: '<anonymous>', in_app: false },
      { function: '?', filename: 'evalmachine.<anonymous>', lineno: 1, colno: 28, in_app: false },
    ]);
  });

  it('names modules of dependencies by their package path and marks them not in app', () => {
    const frames = parse('node-modules-frames');
    const byFunction = new Map(frames.map((frame) => [frame.function, frame]));
    expect(byFunction.get('fail')).toMatchObject({ module: 'fake-lib.lib:run', in_app: false });
    expect(byFunction.get('invoke')).toMatchObject({ module: '@scope.tool.dist:index', in_app: false });
    expect(byFunction.get('main')).toMatchObject({ module: 'src:dependency', in_app: true });
    // an anonymous arrow function between two dependency frames
    expect(frames.at(-3)).toMatchObject({
      function: '?',
      module: 'src:dependency',
      lineno: 5,
      colno: 23,
      in_app: true,
    });
  });

  it('marks native frames (`JSON.parse (<anonymous>)`) as not in app', () => {
    const frames = parse('native-frames');
    expect(frames.find((frame) => frame.function === 'JSON.parse')).toEqual({
      function: 'JSON.parse',
      filename: '<anonymous>',
      in_app: false,
    });
    expect(frames.find((frame) => frame.function === 'Array.forEach')?.in_app).toBe(false);
  });

  it('turns file URLs of ES modules into decoded paths', () => {
    const { appRoot } = fixture('esm-file-urls');
    const frames = parse('esm-file-urls');
    expect(frames.map(({ function: fn, abs_path: path, module }) => ({ fn, path, module }))).toEqual([
      { fn: '?', path: `${appRoot}/src/main.mjs`, module: 'src:main' },
      { fn: 'later', path: `${appRoot}/src/ünïcode dir/module.mjs`, module: 'src.ünïcode dir:module' },
      { fn: 'explode', path: `${appRoot}/src/ünïcode dir/module.mjs`, module: 'src.ünïcode dir:module' },
    ]);
    expect(frames.every((frame) => frame.in_app && frame.filename === frame.abs_path)).toBe(true);
  });

  it('treats `node -e` code and internals as not in app', () => {
    const frames = parse('node-eval-flag');
    expect(frames.at(-1)).toEqual({ function: 'f', filename: '[eval]', lineno: 1, colno: 22, in_app: false });
    expect(frames.some((frame) => frame.in_app)).toBe(false);
  });
});

describe('nodeStackParser over Windows stacks', () => {
  const stack = [
    'TypeError: Cannot read properties of undefined',
    '    at Object.handler (C:\\srv\\app\\src\\routes\\user.js:12:9)',
    '    at C:\\srv\\app\\node_modules\\express\\lib\\router\\layer.js:95:5',
    '    at async Promise.all (index 1)',
    '    at async run (file:///C:/srv/app/src/esm%20jobs/run.mjs:3:7)',
    '    at \\\\fileserver\\share\\tools\\task.js:1:1',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  ].join('\r\n');

  it('parses drive, UNC and file URL paths with modules relative to the app root', () => {
    const frames = createNodeStackParser('c:\\srv\\app')(stack);
    expect(frames.reverse()).toEqual([
      {
        function: 'Object.handler',
        filename: 'C:\\srv\\app\\src\\routes\\user.js',
        abs_path: 'C:\\srv\\app\\src\\routes\\user.js',
        module: 'src.routes:user',
        lineno: 12,
        colno: 9,
        in_app: true,
      },
      {
        function: '?',
        filename: 'C:\\srv\\app\\node_modules\\express\\lib\\router\\layer.js',
        abs_path: 'C:\\srv\\app\\node_modules\\express\\lib\\router\\layer.js',
        module: 'express.lib.router:layer',
        lineno: 95,
        colno: 5,
        in_app: false,
      },
      { function: 'Promise.all', in_app: false },
      {
        function: 'run',
        filename: 'C:/srv/app/src/esm jobs/run.mjs',
        abs_path: 'C:/srv/app/src/esm jobs/run.mjs',
        module: 'src.esm jobs:run',
        lineno: 3,
        colno: 7,
        in_app: true,
      },
      {
        function: '?',
        filename: '\\\\fileserver\\share\\tools\\task.js',
        abs_path: '\\\\fileserver\\share\\tools\\task.js',
        module: 'task',
        lineno: 1,
        colno: 1,
        in_app: true,
      },
      {
        function: 'process.processTicksAndRejections',
        filename: 'node:internal/process/task_queues',
        lineno: 95,
        colno: 5,
        in_app: false,
      },
    ]);
  });
});

describe('nodeStackParser limits and odd input', () => {
  it('keeps the 50 frames nearest the throw of a deep stack', () => {
    const previous = Error.stackTraceLimit;
    Error.stackTraceLimit = 200;
    let stack = '';
    const recurse = (depth: number): void => {
      if (depth === 0) stack = new Error('deep').stack!;
      else recurse(depth - 1);
    };
    try {
      recurse(80);
    } finally {
      Error.stackTraceLimit = previous;
    }
    const frames = nodeStackParser(stack);
    expect(frames).toHaveLength(50);
    const newest = stack.split('\n')[1]!;
    expect(newest).toContain(`:${frames.at(-1)!.lineno}:${frames.at(-1)!.colno}`);
    expect(frames.at(-1)!.abs_path).toBe(import.meta.filename);
  });

  it('skips the first lines it is told to skip', () => {
    const stack = 'Error: x\n    at a (/app/a.js:1:1)\n    at b (/app/b.js:2:2)';
    expect(functions(createNodeStackParser('/app')(stack, 2))).toEqual(['b']);
  });

  it('returns no frames for input that is not a V8 stack', () => {
    const parser = createNodeStackParser('/app');
    expect(parser('')).toEqual([]);
    expect(parser(42 as unknown as string)).toEqual([]);
    expect(parser('Error: only a message\nand another line')).toEqual([]);
    expect(parser(`    at fn (/app/${'x'.repeat(2000)}.js:1:1)`)).toEqual([]);
  });

  it('handles unbalanced parentheses in paths and old V8 native frames', () => {
    const frames = createNodeStackParser('/app')(
      'Error\n    at Array.map (native)\n    at run (/app/odd)dir/x.js:3:4)\n    at native',
    );
    expect(frames).toEqual([
      { function: '?', in_app: false },
      {
        function: 'run',
        filename: '/app/odd)dir/x.js',
        abs_path: '/app/odd)dir/x.js',
        module: 'odd)dir:x',
        lineno: 3,
        colno: 4,
        in_app: true,
      },
      { function: 'Array.map', in_app: false },
    ]);
  });
});
