// Test-only: a sampler backend that samples the clock, as a real one would, with a fixed stack.
import { timestampInSeconds } from '../lib';
import type { ProfileFrame, ProfilerBackend, ProfilerEnvironment, RawProfile } from './types';

/** The frames every clock sample has: `hot` called by `main`. */
export const CLOCK_FRAMES: ProfileFrame[] = [
  { function: 'hot', abs_path: '/app/hot.js', lineno: 3, colno: 5, in_app: true },
  { function: 'main', abs_path: '/app/main.js', lineno: 10, colno: 1, in_app: true },
];

export const CLOCK_ENVIRONMENT: ProfilerEnvironment = {
  platform: 'node',
  threadId: '0',
  threadName: 'main',
  runtime: { name: 'node', version: 'v0.0.0-test' },
  os: { name: 'Linux', version: '6.0' },
  device: { architecture: 'x64' },
};

/** A backend and the calls it got. */
export interface ClockBackend {
  backend: ProfilerBackend;
  calls: { start: number; collect: number; stop: number };
  running(): boolean;
}

/**
 * Samples every `intervalMs` of real time between collections (synchronously, or after a
 * microtask with `async`). `canStart: false` makes a runtime that cannot profile.
 */
export function createClockBackend(
  options: { intervalMs?: number; async?: boolean; canStart?: boolean } = {},
): ClockBackend {
  const step = (options.intervalMs ?? 5) / 1000;
  const calls = { start: 0, collect: 0, stop: 0 };
  let last: number | undefined;
  const sample = (): RawProfile | undefined => {
    if (last === undefined) return undefined;
    const now = timestampInSeconds();
    const samples: RawProfile['samples'] = [];
    for (let t = last; t <= now; t += step) samples.push({ timestamp: t, stackId: 0 });
    last = now;
    return { frames: CLOCK_FRAMES, stacks: [[0, 1]], samples };
  };
  const answer = (raw: RawProfile | undefined) => (options.async ? Promise.resolve(raw) : raw);
  return {
    calls,
    running: () => last !== undefined,
    backend: {
      start() {
        calls.start++;
        if (options.canStart === false) return false;
        last = timestampInSeconds();
        return true;
      },
      collect() {
        calls.collect++;
        return answer(sample());
      },
      stop() {
        calls.stop++;
        const raw = sample();
        last = undefined;
        return answer(raw);
      },
      environment: () => CLOCK_ENVIRONMENT,
    },
  };
}

/** Keeps the thread busy for `ms` (the profiled work). */
export function busyFor(ms: number): void {
  const until = timestampInSeconds() + ms / 1000;
  while (timestampInSeconds() < until) {
    // spin
  }
}
