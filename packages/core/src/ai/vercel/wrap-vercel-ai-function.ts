import { callGuarded, readProperty } from '../../lib';
import { getOriginalFunction, markFunctionWrapped } from '../../integrations';
import { resolveContentRecording, type AiRecordingOptions } from '../recording-options';
import { createVercelAiTracer } from './create-vercel-ai-tracer';

/** The `ai` package's functions that take `experimental_telemetry`. */
export const VERCEL_AI_FUNCTIONS: readonly string[] = [
  'generateText',
  'streamText',
  'generateObject',
  'streamObject',
  'embed',
  'embedMany',
  'rerank',
];

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/** The call's settings with telemetry turned on through this SDK's tracer, unless the app chose otherwise. */
function withTelemetry(settings: unknown, options: AiRecordingOptions): unknown {
  if (settings === null || typeof settings !== 'object') return settings;
  const telemetry = readProperty(settings, 'experimental_telemetry');
  // the app turned telemetry off, or sends it to its own OpenTelemetry tracer
  if (readProperty(telemetry, 'isEnabled') === false || readProperty(telemetry, 'tracer') !== undefined)
    return settings;
  const inputs = readProperty(telemetry, 'recordInputs');
  const outputs = readProperty(telemetry, 'recordOutputs');
  const recording = resolveContentRecording({
    recordInputs: typeof inputs === 'boolean' ? inputs : options.recordInputs,
    recordOutputs: typeof outputs === 'boolean' ? outputs : options.recordOutputs,
  });
  const own = { recordInputs: recording.inputs, recordOutputs: recording.outputs };
  return {
    ...settings,
    experimental_telemetry: {
      ...(telemetry !== null && typeof telemetry === 'object' ? telemetry : {}),
      isEnabled: true,
      tracer: createVercelAiTracer(own),
      ...own,
    },
  };
}

/**
 * Wraps one of the `ai` package's functions (`generateText`, …) so that its calls report their
 * telemetry to this SDK: what the Node module hook installs. Calls that turn telemetry off or name
 * their own tracer are left alone.
 */
export function wrapVercelAiFunction<T>(fn: T, options: AiRecordingOptions = {}): T {
  if (typeof fn !== 'function' || getOriginalFunction(fn as AnyFunction)) return fn;
  const original = fn as AnyFunction;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    if (args.length > 0) {
      const settings = args[0];
      args[0] = callGuarded('ai telemetry settings', () => withTelemetry(settings, options), settings);
    }
    return original.apply(this, args);
  };
  markFunctionWrapped(wrapped, original);
  return wrapped as T;
}
