import type { Profiler, Runtime } from 'node:inspector';
import type { ProfileFrame, RawProfile } from '@sentry-sdk/core/internal';

type CallFrame = Runtime.CallFrame;

/** V8's names of the nodes that are no JavaScript function. */
const ROOT = '(root)';
const IDLE = '(idle)';

/** One V8 CPU profile and the offset from V8's monotonic clock (seconds) to wall-clock seconds. */
export interface V8ProfileCut {
  profile: Profiler.Profile;
  offsetS: number;
}

/**
 * Turns V8's CPU profiles (each a tree of call frames, the sampled node of each sample and the µs
 * between samples; protocol.md §11.3) into one collection of samples with stacks leaf first.
 * `toFrame` makes a frame of a call frame. Idle samples get an empty stack: the thread ran no
 * JavaScript.
 */
export function convertCpuProfiles(
  cuts: readonly V8ProfileCut[],
  toFrame: (callFrame: CallFrame) => ProfileFrame,
): RawProfile {
  const frames: ProfileFrame[] = [];
  const frameIds = new Map<string, number>();
  const frameId = (callFrame: CallFrame): number => {
    const key = `${callFrame.functionName}\u0000${callFrame.url}\u0000${callFrame.lineNumber}\u0000${callFrame.columnNumber}`;
    let id = frameIds.get(key);
    if (id === undefined) {
      id = frames.push(toFrame(callFrame)) - 1;
      frameIds.set(key, id);
    }
    return id;
  };

  const stacks: number[][] = [];
  const samples: RawProfile['samples'] = [];
  for (const { profile, offsetS } of cuts) {
    addSamples(profile, offsetS, stacks, samples, frameId);
  }
  return { frames, stacks, samples };
}

function addSamples(
  profile: Profiler.Profile,
  offsetS: number,
  stacks: number[][],
  samples: RawProfile['samples'],
  frameId: (callFrame: CallFrame) => number,
): void {
  const nodes = new Map<number, Profiler.ProfileNode>();
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    nodes.set(node.id, node);
    for (const child of node.children ?? []) parents.set(child, node.id);
  }
  const stackOfNode = new Map<number, number>();
  const stackId = (nodeId: number): number => {
    let id = stackOfNode.get(nodeId);
    if (id !== undefined) return id;
    const stack: number[] = [];
    const sampled = nodes.get(nodeId);
    if (sampled && sampled.callFrame.functionName !== IDLE) {
      for (
        let node: Profiler.ProfileNode | undefined = sampled;
        node;
        node = nodes.get(parents.get(node.id) ?? -1)
      ) {
        if (node.callFrame.functionName === ROOT && !node.callFrame.url) break;
        stack.push(frameId(node.callFrame));
      }
    }
    id = stacks.push(stack) - 1;
    stackOfNode.set(nodeId, id);
    return id;
  };

  const ids = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let time = profile.startTime;
  for (let i = 0; i < ids.length; i++) {
    time += deltas[i] ?? 0;
    samples.push({ timestamp: time / 1e6 + offsetS, stackId: stackId(ids[i]!) });
  }
}
