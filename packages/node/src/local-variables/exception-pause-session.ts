import { Session, type Debugger, type Runtime } from 'node:inspector';
import { DEBUG_BUILD, debug } from '@sentry-sdk/core/internal';
import { collectFrameVariables } from './collect-frame-variables';
import type { VariableLimits } from './serialize-remote-object';
import { startPauseRateLimit, type PauseRateLimit } from './start-pause-rate-limit';

/** Where the locals travel from the pause to the event: a non-enumerable property of the thrown object. */
export const VARIABLES_KEY = Symbol.for('sentry-sdk.localVariables');

/** What the pauses read and how often they may happen. */
export interface PauseConfig {
  state: 'all' | 'uncaught';
  limits: VariableLimits & { maxFrames: number };
  maxPerSecond: number;
}

type Post = (method: string, params: object, callback?: (error: Error | null, result?: unknown) => void) => void;

// One inspector session per thread: it is a process-wide resource, and a second session would
// receive (and resume) every pause as well. A later setup only changes its configuration.
let shared: { configure(config: PauseConfig): void } | undefined;
let failed = false;

/**
 * Starts (once per thread) an in-thread inspector session that pauses on exceptions and stores the
 * locals of the throwing frames on the thrown object; returns false when the inspector is unavailable.
 */
export function configureExceptionPauses(config: PauseConfig): boolean {
  if (!shared && !failed) shared = startSession();
  failed = !shared;
  shared?.configure(config);
  return !!shared;
}

function startSession(): typeof shared {
  const session = new Session();
  try {
    session.connect();
  } catch (error) {
    DEBUG_BUILD && debug.warn('localVariablesIntegration: the inspector is not available:', error);
    return undefined;
  }
  const post = session.post.bind(session) as Post;
  const urls = new Map<string, string>();
  let config: PauseConfig | undefined;
  let rateLimit: PauseRateLimit | undefined;

  session.on('Debugger.scriptParsed', ({ params }: { params: Debugger.ScriptParsedEventDataType }) => {
    urls.set(params.scriptId, params.url);
  });
  session.on('Debugger.paused', ({ params }: { params: Debugger.PausedEventDataType }) => {
    try {
      const onException = params.reason === 'exception' || params.reason === 'promiseRejection';
      if (config && onException && rateLimit?.allow())
        storeVariables(params, post, (id) => urls.get(id), config.limits);
    } catch (error) {
      DEBUG_BUILD && debug.error('localVariablesIntegration could not read the locals:', error);
    } finally {
      post('Debugger.resume', {});
    }
  });
  post('Debugger.enable', {});
  return {
    configure(next) {
      config = next;
      rateLimit?.stop();
      rateLimit = startPauseRateLimit(next.maxPerSecond, (paused) =>
        post('Debugger.setPauseOnExceptions', { state: paused ? 'none' : next.state }),
      );
      post('Debugger.setPauseOnExceptions', { state: next.state });
    },
  };
}

function storeVariables(
  params: Debugger.PausedEventDataType,
  post: Post,
  scriptUrl: (scriptId: string) => string | undefined,
  limits: PauseConfig['limits'],
): void {
  const thrown = params.data as Runtime.RemoteObject | undefined;
  if (thrown?.type !== 'object' || !thrown.objectId) return;
  const getProperties = (objectId: string): Runtime.PropertyDescriptor[] | undefined => {
    let properties: Runtime.PropertyDescriptor[] | undefined;
    post('Runtime.getProperties', { objectId, ownProperties: true }, (error, result) => {
      if (!error) properties = (result as Runtime.GetPropertiesReturnType).result;
    });
    return properties;
  };
  const frames = collectFrameVariables(params.callFrames, scriptUrl, getProperties, limits);
  if (!frames.length) return;
  // runs in the paused thread, on the thrown object itself; a frozen object keeps no variables
  post('Runtime.callFunctionOn', {
    objectId: thrown.objectId,
    functionDeclaration: `function (frames) { try { Object.defineProperty(this, Symbol.for(${JSON.stringify(
      VARIABLES_KEY.description,
    )}), { value: frames, configurable: true }); } catch (_) {} }`,
    arguments: [{ value: frames }],
  });
}
