import type { Profiler } from 'node:inspector';
import { describe, expect, it } from 'vitest';
import { convertCpuProfiles } from './convert-cpu-profile';
import { createFrameConverter } from './to-profile-frame';

const callFrame = (functionName: string, url = '', lineNumber = -1, columnNumber = -1) => ({
  functionName,
  url,
  lineNumber,
  columnNumber,
  scriptId: '0',
});

// a tree as V8 reports it: (root) → main → hot, (root) → (idle), (root) → (program)
const profile: Profiler.Profile = {
  nodes: [
    { id: 1, callFrame: callFrame('(root)'), children: [2, 4, 5] },
    { id: 2, callFrame: callFrame('main', 'file:///app/src/main.mjs', 9, 0), children: [3] },
    { id: 3, callFrame: callFrame('hot', '/app/node_modules/lib/hot.js', 2, 14), children: [6] },
    { id: 4, callFrame: callFrame('(idle)') },
    { id: 5, callFrame: callFrame('(program)') },
    { id: 6, callFrame: callFrame('', 'node:internal/timers', 0, 3) },
  ],
  startTime: 1_000_000,
  endTime: 1_050_000,
  samples: [3, 3, 4, 5, 6],
  timeDeltas: [10_000, 10_000, 10_000, 10_000, 10_000],
};

describe('convertCpuProfiles', () => {
  const raw = convertCpuProfiles([{ profile, offsetS: 1_700_000_000 }], createFrameConverter('/app'));

  it('walks each sampled node to the root for a stack leaf first, without (root), idle samples empty', () => {
    const stackOf = (i: number) => raw.stacks[raw.samples[i]!.stackId]!.map((f) => raw.frames[f]!.function);
    expect(stackOf(0)).toEqual(['hot', 'main']);
    expect(raw.samples[1]!.stackId).toBe(raw.samples[0]!.stackId);
    expect(stackOf(2)).toEqual([]);
    expect(stackOf(3)).toEqual(['(program)']);
    expect(stackOf(4)).toEqual(['(anonymous)', 'hot', 'main']);
  });

  it('adds up the time deltas from the start and maps them to wall time', () => {
    expect(raw.samples.map((s) => s.timestamp)).toEqual(
      [1_700_000_001.01, 1_700_000_001.02, 1_700_000_001.03, 1_700_000_001.04, 1_700_000_001.05].map((t) =>
        expect.closeTo(t, 6),
      ),
    );
  });

  it('makes frames 1-based, with paths of file URLs, modules, and in_app false outside the app', () => {
    const byName = new Map(raw.frames.map((frame) => [frame.function, frame]));
    expect(byName.get('main')).toEqual({
      function: 'main',
      filename: '/app/src/main.mjs',
      abs_path: '/app/src/main.mjs',
      module: 'src:main',
      lineno: 10,
      colno: 1,
      in_app: true,
    });
    expect(byName.get('hot')).toMatchObject({ module: 'lib:hot', lineno: 3, colno: 15, in_app: false });
    expect(byName.get('(anonymous)')).toEqual({
      function: '(anonymous)',
      filename: 'node:internal/timers',
      lineno: 1,
      colno: 4,
      in_app: false,
    });
    expect(byName.get('(program)')).toEqual({ function: '(program)', in_app: false });
  });

  it('merges consecutive cuts into one collection that shares frames', () => {
    const next = { ...profile, startTime: 2_000_000, samples: [3], timeDeltas: [5_000] };
    const merged = convertCpuProfiles(
      [
        { profile, offsetS: 0 },
        { profile: next, offsetS: 0 },
      ],
      createFrameConverter('/app'),
    );
    expect(merged.frames).toHaveLength(raw.frames.length);
    expect(merged.samples).toHaveLength(6);
    const last = merged.samples[5]!;
    expect(last.timestamp).toBeCloseTo(2.005, 6);
    expect(merged.stacks[last.stackId]!.map((f) => merged.frames[f]!.function)).toEqual(['hot', 'main']);
  });
});
