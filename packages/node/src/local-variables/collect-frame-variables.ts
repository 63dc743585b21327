import type { Debugger } from 'node:inspector';
import {
  serializeScope,
  type GetProperties,
  type LookupBudget,
  type VariableLimits,
} from './serialize-remote-object';

/** The locals of one paused frame, innermost frames first. */
export interface FrameVariables {
  /** The function's own name as V8 knows it (`run`, not `K.run`); empty for anonymous functions. */
  function: string;
  vars: Record<string, unknown>;
}

// getProperties calls per pause at most: the thread stands still while they run
const LOOKUPS_PER_PAUSE = 150;

/** True for frames of the app: not Node's internals, not dependencies, not eval'd code without a file. */
export function isAppScriptUrl(url: string | undefined): boolean {
  if (!url || url.startsWith('node:')) return false;
  return !/[\\/]node_modules[\\/]/.test(url);
}

/**
 * Reads the locals of the innermost `maxFrames` app frames of a pause, synchronously: with an
 * in-thread inspector session, every `session.post` answers before it returns while paused.
 */
export function collectFrameVariables(
  callFrames: Debugger.CallFrame[],
  scriptUrl: (scriptId: string) => string | undefined,
  getProperties: GetProperties,
  limits: VariableLimits & { maxFrames: number },
): FrameVariables[] {
  const budget: LookupBudget = { remaining: LOOKUPS_PER_PAUSE };
  const frames: FrameVariables[] = [];
  for (const callFrame of callFrames) {
    if (frames.length >= limits.maxFrames) break;
    if (!isAppScriptUrl(callFrame.url || scriptUrl(callFrame.location.scriptId))) continue;
    const local = callFrame.scopeChain.find((scope) => scope.type === 'local');
    const vars = local ? serializeScope(local, getProperties, limits, budget) : undefined;
    frames.push({
      function: callFrame.functionName,
      vars: vars ?? {},
    });
  }
  return frames;
}
