import { describe, expect, it } from 'vitest';
import type { StackFrame } from '@sentry-sdk/core';
import { attachFrameVariables } from './attach-frame-variables';

const frame = (fn: string, inApp = true): StackFrame => ({ function: fn, in_app: inApp, lineno: 1 });

describe('attachFrameVariables', () => {
  it('pairs frames innermost first by the name V8 gives them (receiver, async)', () => {
    const frames = [frame('main'), frame('async handle'), frame('Worker.run'), frame('fs.readFileSync', false)];
    const attached = attachFrameVariables(frames, [
      { function: 'run', vars: { job: 'a' } },
      { function: 'handle', vars: { request: 1 } },
    ]);
    expect(attached).toBe(2);
    expect(frames.map((f) => f.vars)).toEqual([undefined, { request: 1 }, { job: 'a' }, undefined]);
  });

  it('skips a frame where the error was made but not thrown, and keeps recursion in order', () => {
    const frames = [frame('walk'), frame('walk'), frame('makeError')];
    attachFrameVariables(frames, [
      { function: 'walk', vars: { depth: 2 } },
      { function: 'walk', vars: { depth: 1 } },
    ]);
    expect(frames.map((f) => f.vars)).toEqual([{ depth: 1 }, { depth: 2 }, undefined]);
  });

  it('gives anonymous functions the next app frame and leaves frames without locals bare', () => {
    const frames = [frame('Timeout._onTimeout'), frame('parse')];
    const attached = attachFrameVariables(frames, [
      { function: 'parse', vars: {} },
      { function: '', vars: { input: 'x' } },
    ]);
    expect(attached).toBe(1);
    expect(frames[0]!.vars).toEqual({ input: 'x' });
    expect(frames[1]!.vars).toBeUndefined();
  });
});
