import type { ProfileFrame, RawProfile } from '@sentry-sdk/core/internal';
import type { JsProfilerTrace } from './js-self-profiling';

/**
 * Turns a JS Self-Profiling trace (protocol.md §11.3) into samples with stacks leaf first, times
 * as epoch seconds (`timeOrigin` + the sample's ms). A sample without a stack (the page ran no
 * JavaScript) gets an empty one.
 */
export function convertJsProfile(trace: JsProfilerTrace, timeOrigin: number): RawProfile {
  const frames: ProfileFrame[] = trace.frames.map((frame) => {
    const converted: ProfileFrame = { function: frame.name || '(anonymous)' };
    const resource = frame.resourceId === undefined ? undefined : trace.resources[frame.resourceId];
    if (resource) converted.abs_path = resource;
    if (frame.line !== undefined) converted.lineno = frame.line;
    if (frame.column !== undefined) converted.colno = frame.column;
    return converted;
  });

  const stacks: number[][] = [[]];
  const stackIds = new Map<number, number>();
  const stackId = (traceStackId: number | undefined): number => {
    if (traceStackId === undefined) return 0;
    let id = stackIds.get(traceStackId);
    if (id !== undefined) return id;
    const stack: number[] = [];
    // parent links run towards the root; a bound guards against a malformed (cyclic) trace
    for (let at: number | undefined = traceStackId; at !== undefined && stack.length < trace.stacks.length;) {
      const entry: JsProfilerTrace['stacks'][number] | undefined = trace.stacks[at];
      if (!entry) break;
      stack.push(entry.frameId);
      at = entry.parentId;
    }
    id = stacks.push(stack) - 1;
    stackIds.set(traceStackId, id);
    return id;
  };

  const samples = trace.samples.map((sample) => ({
    timestamp: (timeOrigin + sample.timestamp) / 1000,
    stackId: stackId(sample.stackId),
  }));
  return { frames, stacks, samples };
}
