import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLongTaskSpans } from './long-tasks';

/** Installs a PerformanceObserver that supports `supported` and records what is observed. */
function stubObserver(supported: string[]): { observed: string[]; disconnected: number } {
  const state = { observed: [] as string[], disconnected: 0 };
  class FakeObserver {
    public static supportedEntryTypes = supported;
    public observe(options: { type: string }): void {
      state.observed.push(options.type);
    }
    public disconnect(): void {
      state.disconnected++;
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return state;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startLongTaskSpans', () => {
  it('observes long animation frames where supported, else long tasks', () => {
    const both = stubObserver(['long-animation-frame', 'longtask']);
    startLongTaskSpans(() => undefined, true, true)();
    expect(both).toEqual({ observed: ['long-animation-frame'], disconnected: 1 });

    const tasksOnly = stubObserver(['longtask']);
    startLongTaskSpans(() => undefined, true, true)();
    expect(tasksOnly).toEqual({ observed: ['longtask'], disconnected: 1 });
  });

  it('observes nothing for switched-off or unsupported types, and still returns a stop function', () => {
    const state = stubObserver(['long-animation-frame', 'longtask']);
    expect(() => startLongTaskSpans(() => undefined, false, false)()).not.toThrow();
    startLongTaskSpans(() => undefined, false, true);
    expect(state.observed).toEqual(['longtask']);

    const none = stubObserver([]);
    expect(() => startLongTaskSpans(() => undefined, true, true)()).not.toThrow();
    expect(none.observed).toEqual([]);
  });
});
