import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { close, getCurrentScope, setAsyncContextStrategy, type Event, type Integration } from '@sentry-sdk/core';
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { init } from '../sdk';
import type { LambdaCallback, LambdaContext } from './lambda-types';
import { wrapHandler } from './wrap-handler';

// process handlers would interfere with the test runner's; HTTP instrumentation would trace the ingest requests
const LEFT_OUT = ['OnUncaughtException', 'OnUnhandledRejection', 'GracefulShutdown', 'Http', 'NodeFetch'];
const TRACE_ID = '4c79f60c11214eb38604f4ae0781bfb2';
const PARENT_SPAN_ID = 'fa90fdead5f74052';

let ingest: IngestServer;
beforeAll(async () => {
  ingest = await startIngestServer();
  init({
    dsn: ingest.dsn,
    release: 'lambda@1.0.0',
    tracesSampleRate: 1,
    integrations: (defaults: Integration[]) => defaults.filter((i) => !LEFT_OUT.includes(i.name)),
  });
});
afterAll(async () => {
  await close(1000);
  getCurrentScope().setClient(undefined);
  setAsyncContextStrategy(undefined);
  await ingest.close();
});
beforeEach(() => {
  ingest.received.length = 0;
});

/** An API Gateway (HTTP API, payload 2.0) event, as Lambda delivers it. */
function apiGatewayEvent(headers: Record<string, string> = {}): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: 'POST /orders',
    rawPath: '/orders',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'abc123.execute-api.eu-west-1.amazonaws.com', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      http: { method: 'POST', path: '/orders', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'curl/8.5.0' },
      requestId: 'Jm2vKiAcoAMEbXw=',
      stage: '$default',
      timeEpoch: 1767261600000,
    },
    body: '{"sku":"A-1","quantity":2}',
    isBase64Encoded: false,
  };
}

function lambdaContext(remainingMs = 30_000): LambdaContext {
  const deadline = Date.now() + remainingMs;
  return {
    functionName: 'orders-create',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-create',
    memoryLimitInMB: '512',
    awsRequestId: '8f5a1c2e-7d1b-4b9a-9c57-3f2e1d0c4b6a',
    logGroupName: '/aws/lambda/orders-create',
    logStreamName: '2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
  };
}

function payloads(type: string): Event[] {
  return ingest.received.flatMap(({ envelope }) =>
    envelope[1]
      .filter(([headers]) => headers.type === type)
      .map(([, payload]) => {
        assertValidEvent(payload);
        return payload as Event;
      }),
  );
}

describe('wrapHandler', () => {
  it('runs each invocation in a transaction that continues the incoming trace, cold start only first', async () => {
    const handler = wrapHandler((event: { body: string }) => Promise.resolve({ statusCode: 201, body: event.body }));
    const incoming = apiGatewayEvent({ 'sentry-trace': `${TRACE_ID}-${PARENT_SPAN_ID}-1`, baggage: 'sentry-trace_id=' + TRACE_ID });
    expect(await handler(incoming as never, lambdaContext())).toEqual({ statusCode: 201, body: '{"sku":"A-1","quantity":2}' });
    await handler(apiGatewayEvent() as never, lambdaContext());

    // flushed before the wrapper returned: no waiting needed
    const [first, second] = payloads('transaction');
    expect(first).toMatchObject({
      transaction: 'orders-create',
      tags: { cold_start: 'true' },
      contexts: {
        trace: { op: 'function.aws.lambda', origin: 'auto.function.aws_lambda', trace_id: TRACE_ID, parent_span_id: PARENT_SPAN_ID },
        'aws.lambda': {
          function_name: 'orders-create',
          function_version: '$LATEST',
          invoked_function_arn: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-create',
          aws_request_id: '8f5a1c2e-7d1b-4b9a-9c57-3f2e1d0c4b6a',
          memory_limit_in_mb: 512,
        },
        'aws.cloudwatch.logs': { log_group: '/aws/lambda/orders-create' },
      },
    });
    expect(second!.tags).toMatchObject({ cold_start: 'false' });
    expect(second!.contexts!['trace']!['trace_id']).not.toBe(TRACE_ID);
  });

  it('captures a thrown error as unhandled, in the transaction, and rethrows it', async () => {
    const failure = new Error('inventory service unavailable');
    const handler = wrapHandler(async () => {
      await Promise.resolve();
      throw failure;
    });
    await expect(handler(apiGatewayEvent() as never, lambdaContext())).rejects.toBe(failure);
    const [event] = payloads('event');
    const [transaction] = payloads('transaction');
    expect(event!.exception!.values!.at(-1)).toMatchObject({
      value: 'inventory service unavailable',
      mechanism: { type: 'auto.function.aws_lambda.handler', handled: false },
    });
    expect(event!.contexts!['trace']!['trace_id']).toBe(transaction!.contexts!['trace']!['trace_id']);
    expect(transaction!.contexts!['trace']).toMatchObject({ status: 'internal_error' });
  });

  it('supports callback-style handlers, with a result or an error', async () => {
    const handler = wrapHandler((event: { body: string }, _context: LambdaContext, callback: LambdaCallback) => {
      setTimeout(() => (event.body.includes('fail') ? callback(new Error('callback error')) : callback(null, 'done')), 5);
    });
    expect(await handler({ body: 'ok' }, lambdaContext())).toBe('done');
    await expect(handler({ body: 'fail' }, lambdaContext())).rejects.toThrow('callback error');
    expect(payloads('event').map((event) => event.exception!.values!.at(-1)!.value)).toEqual(['callback error']);
    expect(payloads('transaction')).toHaveLength(2);
  });

  it('sends a warning shortly before the timeout, and none when the handler finishes in time', async () => {
    const slow = wrapHandler(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return 'late';
      },
      { timeoutWarningLimit: 500 },
    );
    await slow(apiGatewayEvent(), lambdaContext(700));
    const [warning, ...others] = payloads('event');
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ level: 'warning', tags: { timeout: '1s' } });
    expect(warning!.logentry!.message).toMatch(/^Possible function timeout: orders-create has 500 ms left/);
    const breadcrumbs = (warning as unknown as { breadcrumbs: { values: object[] } }).breadcrumbs.values;
    expect(breadcrumbs.at(-1)).toMatchObject({ category: 'aws.lambda', level: 'warning' });

    ingest.received.length = 0;
    await wrapHandler(() => Promise.resolve('quick'))(apiGatewayEvent(), lambdaContext(700));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(payloads('event')).toEqual([]);
  });
});
