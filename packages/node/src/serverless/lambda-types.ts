/** The context object AWS Lambda passes to a handler (the fields the SDK reads). */
export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string | number;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  /** Milliseconds left before Lambda stops the invocation. */
  getRemainingTimeInMillis(): number;
  callbackWaitsForEmptyEventLoop?: boolean;
}

/** The callback of callback-style handlers. */
export type LambdaCallback<R = unknown> = (error?: unknown, result?: R) => void;

/** A Lambda handler: `async (event, context)`, or `(event, context, callback)`. */
export type LambdaHandler<E = unknown, R = unknown> =
  | ((event: E, context: LambdaContext) => Promise<R> | R)
  | ((event: E, context: LambdaContext, callback: LambdaCallback<R>) => void | Promise<R>);
