import { callGuarded, timestampInSeconds } from '../lib';
import { markFunctionWrapped } from '../integrations';
import {
  getAiPipelineName,
  startInactiveSpan,
  withActiveSpan,
  type Span,
  type SpanAttributes,
} from '../tracing';
import type { AiMethodSpec } from './ai-method-spec';
import { captureAiError } from './capture-ai-error';
import { observeApiResult, observeStream } from './observe-api-result';
import { resolveContentRecording, type AiRecordingOptions } from './recording-options';

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

/** One call in flight: its span, and what to do when it answers or fails. */
interface AiCall {
  span: Span;
  succeed: (data: unknown) => void;
  fail: (error: unknown) => void;
}

function startAiCall(spec: AiMethodSpec, params: unknown, options: AiRecordingOptions): AiCall {
  const recording = resolveContentRecording(options);
  const call = spec.describe(params, recording);
  const attributes: SpanAttributes = {
    'sentry.origin': spec.origin,
    'gen_ai.operation.name': call.operation,
    'gen_ai.provider.name': spec.provider,
    'gen_ai.system': spec.provider,
    ...call.attributes,
  };
  if (call.model !== undefined) attributes['gen_ai.request.model'] = call.model;
  const pipeline = getAiPipelineName();
  if (pipeline !== undefined) attributes['gen_ai.pipeline.name'] = pipeline;
  const span = startInactiveSpan({
    name: call.model !== undefined ? `${call.operation} ${call.model}` : call.operation,
    op: `gen_ai.${call.operation}`,
    attributes,
  });
  const started = timestampInSeconds();
  const fail = (error: unknown): void => {
    captureAiError(span, error, spec.origin);
    span.end();
  };
  const succeed = (data: unknown): void => {
    if (call.streaming && spec.createStreamRecorder) {
      const recorder = spec.createStreamRecorder(recording);
      let firstToken: number | undefined;
      const finish = (): void => {
        span.setAttribute('gen_ai.response.streaming', true);
        if (firstToken !== undefined)
          span.setAttribute('gen_ai.response.time_to_first_token', firstToken - started);
        callGuarded('AI stream recorder', () => recorder.finish(span), undefined);
      };
      const observed = observeStream(data, {
        onChunk: (chunk) => {
          if (recorder.add(chunk) && firstToken === undefined) firstToken = timestampInSeconds();
        },
        onEnd: () => {
          finish();
          span.end();
        },
        onError: (error) => {
          finish();
          fail(error);
        },
      });
      if (observed) return;
    }
    callGuarded('AI response recorder', () => spec.recordResponse(span, data, recording), undefined);
    span.end();
  };
  return { span, succeed, fail };
}

/**
 * Wraps one method of an AI client (`chat.completions.create`, `messages.create`, …) so that each
 * call runs in a `gen_ai.*` span that ends when the response arrives or its stream is read to the
 * end; failures are captured linked to the span. The app gets the original return value untouched.
 */
export function wrapAiMethod<T extends AnyFunction>(
  original: T,
  spec: AiMethodSpec,
  options: AiRecordingOptions,
): T {
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    const call = callGuarded('AI instrumentation', () => startAiCall(spec, args[0], options), undefined);
    if (!call) return original.apply(this, args);
    let result: unknown;
    try {
      result = withActiveSpan(call.span, () => original.apply(this, args));
    } catch (error) {
      call.fail(error);
      throw error;
    }
    observeApiResult(result, { onData: call.succeed, onError: call.fail });
    return result;
  };
  markFunctionWrapped(wrapped, original);
  return wrapped as unknown as T;
}
