// The JS Self-Profiling API (https://wicg.github.io/js-self-profiling/), which TypeScript's DOM
// library does not describe yet: only what the SDK uses.

/** One frame of a trace: `resourceId` indexes `resources`. */
export interface JsProfilerFrame {
  name: string;
  resourceId?: number;
  line?: number;
  column?: number;
}

/** What `profiler.stop()` resolves to; timestamps are ms on the page's performance clock. */
export interface JsProfilerTrace {
  resources: string[];
  frames: JsProfilerFrame[];
  stacks: { frameId: number; parentId?: number }[];
  samples: { timestamp: number; stackId?: number }[];
}

/** A running profiler. */
export interface JsProfiler {
  stop(): Promise<JsProfilerTrace>;
}

/** The `Profiler` constructor; it throws unless the document allows `js-profiling`. */
export type JsProfilerConstructor = new (options: {
  sampleInterval: number;
  maxBufferSize: number;
}) => JsProfiler;

/** The page's `Profiler` constructor, when the browser has one (Chromium). */
export function getJsProfilerConstructor(): JsProfilerConstructor | undefined {
  const ctor = (globalThis as { Profiler?: unknown }).Profiler;
  return typeof ctor === 'function' ? (ctor as JsProfilerConstructor) : undefined;
}
