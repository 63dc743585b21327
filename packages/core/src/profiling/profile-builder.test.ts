import { describe, expect, it } from 'vitest';
import { buildProfile } from './profile-builder';
import type { RawProfile } from './types';

const main = { function: 'main', abs_path: '/app/main.js', lineno: 1, colno: 1 };
const hot = { function: 'hot', abs_path: '/app/hot.js', lineno: 5, colno: 3 };
const cold = { function: 'cold', abs_path: '/app/cold.js', lineno: 9, colno: 2 };

describe('buildProfile', () => {
  it('merges collections, deduplicating frames and stacks across them, samples in time order', () => {
    const first: RawProfile = {
      frames: [hot, main],
      stacks: [[0, 1], [1]],
      samples: [
        { timestamp: 10.02, stackId: 0 },
        { timestamp: 10.01, stackId: 1 },
      ],
    };
    // the same frames under other indices, as a second collection numbers them
    const second: RawProfile = {
      frames: [main, { ...hot }, cold],
      stacks: [
        [1, 0],
        [2, 0],
      ],
      samples: [
        { timestamp: 10.03, stackId: 0 },
        { timestamp: 10.04, stackId: 1 },
      ],
    };
    const profile = buildProfile([first, second], 0, Infinity);
    expect(profile.frames).toEqual([hot, main, cold]);
    expect(profile.stacks).toEqual([[0, 1], [1], [2, 1]]);
    expect(profile.samples).toEqual([
      { timestamp: 10.01, stackId: 1 },
      { timestamp: 10.02, stackId: 0 },
      { timestamp: 10.03, stackId: 0 },
      { timestamp: 10.04, stackId: 2 },
    ]);
  });

  it('keeps only samples within the range, and only the frames and stacks they use', () => {
    const raw: RawProfile = {
      frames: [hot, main, cold],
      stacks: [
        [0, 1],
        [2, 1],
      ],
      samples: [
        { timestamp: 1, stackId: 1 },
        { timestamp: 2, stackId: 0 },
        { timestamp: 3, stackId: 0 },
        { timestamp: 4, stackId: 1 },
      ],
    };
    const profile = buildProfile([raw], 2, 3);
    expect(profile.samples.map((s) => s.timestamp)).toEqual([2, 3]);
    expect(profile.frames).toEqual([hot, main]);
    expect(profile.stacks).toEqual([[0, 1]]);
  });

  it('gives a sample with an unknown stack an empty stack instead of failing', () => {
    const raw: RawProfile = { frames: [], stacks: [], samples: [{ timestamp: 1, stackId: 7 }] };
    expect(buildProfile([raw], 0, 2)).toEqual({
      frames: [],
      stacks: [[]],
      samples: [{ timestamp: 1, stackId: 0 }],
    });
  });
});
