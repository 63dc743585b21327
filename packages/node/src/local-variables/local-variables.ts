import type { Event, EventHint, Integration } from '@sentry-sdk/core';
import { attachFrameVariables } from './attach-frame-variables';
import type { FrameVariables } from './collect-frame-variables';
import { configureExceptionPauses, VARIABLES_KEY, type PauseConfig } from './exception-pause-session';
import { copyOwnEntries } from '@sentry-sdk/core/internal';

const NAME = 'LocalVariables';

const LIMITS: PauseConfig['limits'] = {
  maxFrames: 5,
  maxProperties: 50,
  maxDepth: 2,
  maxStringLength: 256,
  includeRawValues: true,
};

/** Options of localVariablesIntegration. */
export interface LocalVariablesOptions {
  /** Also pause on exceptions that are caught (costly: every `throw` stops the thread). Default false. */
  captureAllExceptions?: boolean;
  /** Pauses per second at most; past it, pausing is off for a while (5 s, doubling up to 5 min). Default 50. */
  maxExceptionsPerSecond?: number;
  /** false: record only the type of each local (`<string>`, `<object>`), never its value. Default true. */
  includeRawValues?: boolean;
}

/**
 * Adds the local variables of the innermost app frames (`vars`) to events of uncaught exceptions
 * (of every thrown exception with `captureAllExceptions`). An in-thread `node:inspector` session
 * pauses on exceptions; while paused, the inspector answers synchronously, so the locals are read
 * before the exception unwinds: at most 5 frames, 50 properties per object, 2 levels deep, strings
 * of 256 characters. Not a default integration: add it to `integrations` to use it.
 */
export function localVariablesIntegration(input: LocalVariablesOptions = {}): Integration {
  // read once, guarded: a factory is public API and may be handed a hostile object
  const options = copyOwnEntries<LocalVariablesOptions>(input);
  const maxPerSecond = options.maxExceptionsPerSecond;
  const config: PauseConfig = {
    state: options.captureAllExceptions === true ? 'all' : 'uncaught',
    limits: { ...LIMITS, includeRawValues: options.includeRawValues !== false },
    maxPerSecond: typeof maxPerSecond === 'number' && maxPerSecond > 0 ? maxPerSecond : 50,
  };
  let active = false;
  return {
    name: NAME,
    setup() {
      active = configureExceptionPauses(config);
    },
    processEvent(event: Event, hint: EventHint) {
      if (active) addVariables(event, hint.originalException);
      return event;
    },
  };
}

function addVariables(event: Event, thrown: unknown): void {
  if (thrown === null || typeof thrown !== 'object') return;
  let frames: unknown;
  try {
    frames = Object.getOwnPropertyDescriptor(thrown, VARIABLES_KEY)?.value;
  } catch {
    return;
  }
  const values = event.exception?.values;
  const stackFrames = values?.[values.length - 1]?.stacktrace?.frames;
  if (Array.isArray(frames) && stackFrames) attachFrameVariables(stackFrames, frames as FrameVariables[]);
}
