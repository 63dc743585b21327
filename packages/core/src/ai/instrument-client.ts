import { DEBUG_BUILD, debug, readProperty } from '../lib';
import { getOriginalFunction, markFunctionWrapped } from '../integrations';
import type { AiMethodSpec } from './ai-method-spec';
import { patchAiMethod, walkPath } from './patch-ai-method';
import { readRecordingOptions, type AiRecordingOptions } from './recording-options';

/** One instrumented method: where it sits on a client instance and on the client class. */
export interface AiClientTarget {
  /** From a client instance: `['chat', 'completions']`. */
  path: readonly string[];
  /** From the client class, through its static resource classes: `['Chat', 'Completions']`. */
  classPath: readonly string[];
  method: string;
  spec: AiMethodSpec;
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/** Makes clients derived with `client.withOptions(…)` instrumented like their parent. */
function instrumentDerivedClients(
  client: object,
  targets: readonly AiClientTarget[],
  options: AiRecordingOptions,
): void {
  const derive = readProperty(client, 'withOptions');
  if (typeof derive !== 'function' || getOriginalFunction(derive as AnyFunction)) return;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    return instrumentClientInstance(
      (derive as AnyFunction).apply(this, args),
      targets,
      options,
      'withOptions',
    );
  };
  markFunctionWrapped(wrapped, derive as AnyFunction);
  try {
    (client as Record<string, unknown>)['withOptions'] = wrapped;
  } catch {
    // a frozen client: derived clients stay uninstrumented
  }
}

/** Instruments the methods of one client instance in place; returns the client. */
export function instrumentClientInstance<T>(
  client: T,
  targets: readonly AiClientTarget[],
  options: unknown,
  caller: string,
): T {
  const recording = readRecordingOptions(options);
  let found = false;
  for (const target of targets) {
    if (patchAiMethod(walkPath(client, target.path), target.method, target.spec, recording)) found = true;
  }
  if (!found) {
    DEBUG_BUILD &&
      debug.warn(`${caller}: the argument is not a client this SDK knows; nothing was instrumented`);
    return client;
  }
  instrumentDerivedClients(client as object, targets, recording);
  return client;
}

/**
 * Instruments the prototypes of a client class's resources, so that every client made from it
 * (before or after) is instrumented: what the Node module hooks do. Returns false when nothing matched.
 */
export function instrumentClientClass(
  clientClass: unknown,
  targets: readonly AiClientTarget[],
  options: AiRecordingOptions,
): boolean {
  let found = false;
  for (const target of targets) {
    const prototype = readProperty(walkPath(clientClass, target.classPath), 'prototype');
    if (
      prototype &&
      typeof prototype === 'object' &&
      patchAiMethod(prototype, target.method, target.spec, options)
    )
      found = true;
  }
  return found;
}
