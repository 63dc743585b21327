import { describe, expect, it } from 'vitest';
import { convertJsProfile } from './convert-js-profile';
import type { JsProfilerTrace } from './js-self-profiling';

// render → layout → measure, as a trace links them: each stack entry points at its parent
const trace: JsProfilerTrace = {
  resources: ['https://shop.example/app.js'],
  frames: [
    { name: 'render', resourceId: 0, line: 10, column: 3 },
    { name: 'layout', resourceId: 0, line: 40, column: 7 },
    { name: '' },
  ],
  stacks: [{ frameId: 0 }, { frameId: 1, parentId: 0 }, { frameId: 2, parentId: 1 }],
  samples: [
    { timestamp: 100, stackId: 2 },
    { timestamp: 110 },
    { timestamp: 120, stackId: 2 },
    { timestamp: 130, stackId: 0 },
  ],
};

describe('convertJsProfile', () => {
  const raw = convertJsProfile(trace, 1_700_000_000_000);

  it('walks parent links for stacks leaf first; samples without a stack get an empty one', () => {
    const names = (i: number) => raw.stacks[raw.samples[i]!.stackId]!.map((f) => raw.frames[f]!.function);
    expect(names(0)).toEqual(['(anonymous)', 'layout', 'render']);
    expect(names(1)).toEqual([]);
    expect(raw.samples[2]!.stackId).toBe(raw.samples[0]!.stackId);
    expect(names(3)).toEqual(['render']);
  });

  it('maps times from the performance clock to epoch seconds, and resources to paths', () => {
    expect(raw.samples.map((s) => s.timestamp)).toEqual([
      1_700_000_000.1, 1_700_000_000.11, 1_700_000_000.12, 1_700_000_000.13,
    ]);
    expect(raw.frames[0]).toEqual({
      function: 'render',
      abs_path: 'https://shop.example/app.js',
      lineno: 10,
      colno: 3,
    });
    expect(raw.frames[2]).toEqual({ function: '(anonymous)' });
  });

  it('survives a malformed trace whose parent links loop', () => {
    const looping: JsProfilerTrace = {
      ...trace,
      stacks: [
        { frameId: 0, parentId: 1 },
        { frameId: 1, parentId: 0 },
      ],
      samples: [{ timestamp: 1, stackId: 0 }],
    };
    expect(convertJsProfile(looping, 0).stacks[1]).toEqual([0, 1]);
  });
});
