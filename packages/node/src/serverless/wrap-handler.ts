import { captureException, continueTrace, flush, startSpan, withIsolationScope } from '@sentry-sdk/core';
import { copyOwnEntries, isThenable } from '@sentry-sdk/core/internal';
import { getLambdaContexts } from './get-lambda-contexts';
import type { LambdaCallback, LambdaContext, LambdaHandler } from './lambda-types';
import { startTimeoutWarning } from './start-timeout-warning';

/** Options of wrapHandler. */
export interface WrapHandlerOptions {
  /** How long the wrapper waits for events to be sent before it returns, ms. Default 2000. */
  flushTimeout?: number;
  /** Send a warning shortly before Lambda's timeout. Default true. */
  captureTimeoutWarning?: boolean;
  /** How long before the timeout the warning goes out, ms. Default 500. */
  timeoutWarningLimit?: number;
}

// Lambda reuses a process for many invocations: only its first one is a cold start.
let coldStart = true;

/**
 * Wraps an AWS Lambda handler (`async (event, context)` or `(event, context, callback)`): each
 * invocation runs in its own isolation scope with the `aws.lambda` and `aws.cloudwatch.logs`
 * contexts and a `cold_start` tag, in a transaction (op `function.aws.lambda`, named after the
 * function) that continues the trace of `event.headers` when tracing is on. A thrown (or
 * called-back) error is captured as unhandled (`auto.function.aws_lambda.handler`) and rethrown;
 * events are flushed before the wrapper returns, and a warning is sent shortly before the timeout.
 * The wrapped handler is always async, which Lambda's Node runtimes accept for both forms.
 * @example export const handler = Sentry.wrapHandler(async (event) => ({ statusCode: 200 }));
 */
export function wrapHandler<E = unknown, R = unknown>(
  handler: LambdaHandler<E, R>,
  input: WrapHandlerOptions = {},
): (event: E, context: LambdaContext, callback?: LambdaCallback<R>) => Promise<R> {
  const options = copyOwnEntries<WrapHandlerOptions>(input);
  const flushTimeout = nonNegative(options.flushTimeout, 2000);
  const warningLimit = nonNegative(options.timeoutWarningLimit, 500);

  return (event, context) =>
    withIsolationScope(async (scope) => {
      const cold = coldStart;
      coldStart = false;
      scope.setTag('cold_start', cold);
      for (const [name, value] of Object.entries(getLambdaContexts(context))) scope.setContext(name, value);
      const stopWarning =
        options.captureTimeoutWarning !== false ? startTimeoutWarning(context, warningLimit) : () => undefined;
      try {
        return await continueTrace(readHeaders(event), () =>
          startSpan(
            {
              name: context.functionName,
              op: 'function.aws.lambda',
              forceTransaction: true,
              attributes: {
                'sentry.origin': 'auto.function.aws_lambda',
                'sentry.source': 'component',
                'faas.execution': context.awsRequestId,
                'faas.coldstart': cold,
              },
            },
            async () => {
              try {
                return await invoke(handler, event, context);
              } catch (error) {
                captureException(error, { mechanism: { type: 'auto.function.aws_lambda.handler', handled: false } });
                throw error;
              }
            },
          ),
        );
      } finally {
        stopWarning();
        await flush(flushTimeout);
      }
    });
}

/** Runs either form of handler to a promise of its result. */
function invoke<E, R>(handler: LambdaHandler<E, R>, event: E, context: LambdaContext): Promise<R> {
  if (handler.length < 3)
    return Promise.resolve().then(() => (handler as (event: E, context: LambdaContext) => Promise<R> | R)(event, context));
  return new Promise<R>((resolve, reject) => {
    const callback: LambdaCallback<R> = (error, result) =>
      // Lambda fails the invocation with whatever the handler passes, Error or not
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      error !== undefined && error !== null ? reject(error) : resolve(result as R);
    const returned = (handler as (event: E, context: LambdaContext, callback: LambdaCallback<R>) => unknown)(
      event,
      context,
      callback,
    );
    // a handler declared with three parameters may still be async
    if (isThenable(returned)) (returned as PromiseLike<R>).then(resolve, reject);
  });
}

/** `event.headers` of API Gateway, ALB and function URL events, for trace continuation. */
function readHeaders(event: unknown): Record<string, unknown> {
  try {
    const headers = (event as { headers?: unknown } | null)?.headers;
    return headers !== null && typeof headers === 'object' ? (headers as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
