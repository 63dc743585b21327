import type { StackFrame } from '@sentry-sdk/core';
import type { FrameVariables } from './collect-frame-variables';

/**
 * Puts the captured locals on the matching frames of an event (frames oldest first, as events carry
 * them). The stack of an error is taken where it was made and the locals where it was thrown, so
 * frames are paired innermost first by function name, in order, skipping frames that do not match.
 * Lines are not compared: with source maps (`--enable-source-maps`, TypeScript loaders) the stack
 * shows original positions while the inspector sees generated ones.
 * Returns how many frames received variables.
 */
export function attachFrameVariables(frames: StackFrame[], captured: readonly FrameVariables[]): number {
  let attached = 0;
  let next = frames.length - 1;
  for (const variables of captured) {
    for (let position = next; position >= 0; position -= 1) {
      const frame = frames[position]!;
      if (frame.in_app === false) continue;
      if (!namesMatch(frame.function, variables.function)) continue;
      if (Object.keys(variables.vars).length) {
        frame.vars = variables.vars;
        attached += 1;
      }
      next = position - 1;
      break;
    }
  }
  return attached;
}

/** `K.run` and `async run` are V8's names for the function the inspector calls `run`. */
function namesMatch(stackName: string | undefined, ownName: string): boolean {
  if (!ownName) return true;
  if (!stackName) return false;
  const name = stackName.replace(/^(async |new )/, '');
  return name === ownName || name.endsWith(`.${ownName}`) || name.endsWith(` ${ownName}`);
}
