import { DEBUG_BUILD, debug, isThenable, readProperty } from '../lib';
import { getCurrentScope } from '../scope';
import { _setAiPipelineNameForScope, getAiPipelineName, startSpan, type SpanAttributes } from '../tracing';
import { captureAiError } from './capture-ai-error';

/** Span options of `aiTrack` (the Python SDK's `**span_kwargs`). */
export interface AiTrackOptions {
  /** Default `ai.pipeline` for the outermost call, `ai.run` for nested ones. */
  op?: string;
  attributes?: SpanAttributes;
}

type AnyFunction = (this: any, ...args: any[]) => any;

/** What `aiTrack(description)` returns: a function wrapper that is also a method decorator. */
export type AiTracker = <T extends AnyFunction>(fn: T, context?: ClassMethodDecoratorContext) => T;

/** The mechanism of errors that escape a tracked pipeline (protocol.md §12). */
const MECHANISM = 'ai_monitoring';

function readOptions(options: unknown): AiTrackOptions {
  const copy: AiTrackOptions = {};
  const op = readProperty(options, 'op');
  const attributes = readProperty(options, 'attributes');
  if (typeof op === 'string') copy.op = op;
  if (attributes !== null && typeof attributes === 'object') copy.attributes = attributes as SpanAttributes;
  return copy;
}

function track<T extends AnyFunction>(fn: T, description: string, options: AiTrackOptions): T {
  const tracked = function (this: unknown, ...args: unknown[]): unknown {
    const outer = getAiPipelineName();
    const pipeline = outer ?? description;
    const spanOptions = {
      name: description,
      op: options.op ?? (outer === undefined ? 'ai.pipeline' : 'ai.run'),
      attributes: { 'gen_ai.pipeline.name': pipeline, ...options.attributes },
    };
    return startSpan(spanOptions, (span) => {
      // startSpan runs in a fork of the scope: the name is this pipeline's alone
      if (outer === undefined) _setAiPipelineNameForScope(getCurrentScope(), pipeline);
      const fail = (error: unknown): never => {
        captureAiError(span, error, MECHANISM);
        throw error;
      };
      let result: unknown;
      try {
        result = fn.apply(this, args);
      } catch (error) {
        return fail(error);
      }
      return isThenable(result) ? Promise.resolve(result).then(undefined, fail) : result;
    });
  };
  try {
    Object.defineProperty(tracked, 'name', { value: fn.name, configurable: true });
  } catch {
    // a frozen function: the wrapper keeps its own name
  }
  return tracked as T;
}

/**
 * Tracks an AI pipeline (the Python SDK's `@ai_track`): each call of the wrapped function runs in a
 * span named `description`. The outermost tracked call opens an `ai.pipeline` span and names the
 * pipeline; tracked calls inside it open `ai.run` spans, and every AI span in between records
 * `gen_ai.pipeline.name`. An error escaping a tracked call is captured (mechanism `ai_monitoring`,
 * unhandled) and re-thrown. Works for sync and async functions, and as a method decorator.
 * @example const answer = Sentry.aiTrack('support answer')(async (question: string) => llm(question));
 * @example class Bot { @Sentry.aiTrack('plan') async plan() {} }
 */
export function aiTrack(description: string, spanOptions?: AiTrackOptions): AiTracker {
  if (typeof description !== 'string') {
    DEBUG_BUILD && debug.warn('aiTrack: the description must be a string; the function name is used');
  }
  const options = readOptions(spanOptions);
  return (<T extends AnyFunction>(fn: T) => {
    if (typeof fn !== 'function') {
      DEBUG_BUILD && debug.warn('aiTrack: can only wrap a function; returned unchanged');
      return fn;
    }
    return track(fn, typeof description === 'string' ? description : fn.name || 'ai pipeline', options);
  }) as AiTracker;
}
