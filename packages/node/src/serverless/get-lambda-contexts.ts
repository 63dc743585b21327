import type { LambdaContext } from './lambda-types';

/**
 * The `aws.lambda` and `aws.cloudwatch.logs` contexts of an invocation: function name, version and
 * ARN, request id, memory, the time left when it started, and where its logs are (with a link to
 * the CloudWatch console in the function's region). Fields the context lacks are left out.
 */
export function getLambdaContexts(context: LambdaContext): Record<string, Record<string, unknown>> {
  const lambda: Record<string, unknown> = {};
  copy(lambda, 'function_name', context.functionName);
  copy(lambda, 'function_version', context.functionVersion);
  copy(lambda, 'invoked_function_arn', context.invokedFunctionArn);
  copy(lambda, 'aws_request_id', context.awsRequestId);
  copy(lambda, 'memory_limit_in_mb', Number(context.memoryLimitInMB) || undefined);
  copy(lambda, 'remaining_time_in_millis', remainingMs(context));
  const contexts: Record<string, Record<string, unknown>> = { 'aws.lambda': lambda };

  const logs: Record<string, unknown> = {};
  copy(logs, 'log_group', context.logGroupName);
  copy(logs, 'log_stream', context.logStreamName);
  const region = process.env['AWS_REGION'];
  if (region && typeof context.logGroupName === 'string' && typeof context.logStreamName === 'string') {
    const group = encodeURIComponent(context.logGroupName);
    const stream = encodeURIComponent(context.logStreamName);
    logs['url'] = `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${group}/log-events/${stream}`;
  }
  if (Object.keys(logs).length) contexts['aws.cloudwatch.logs'] = logs;
  return contexts;
}

/** `context.getRemainingTimeInMillis()`, or undefined when the context has none that works. */
export function remainingMs(context: LambdaContext): number | undefined {
  try {
    const value = typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : undefined;
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function copy(target: Record<string, unknown>, key: string, value: unknown): void {
  if (typeof value === 'string' || typeof value === 'number') target[key] = value;
}
