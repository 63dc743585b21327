// Deep scrubbing through the whole client pipeline, asserted on what a real ingest server received.
import { assertValidEvent, startIngestServer, type IngestServer } from '@sentry-sdk/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, initAndBind } from '../client';
import { captureCheckIn } from '../crons';
import { logger } from '../logs';
import { getCurrentScope, getGlobalScope, getIsolationScope, withScope } from '../scope';
import { startSpan } from '../tracing';
import { createTransport } from '../transport';
import type { ClientOptions, Event, StackFrame, TransportOptions } from '../types';

function fetchTransport(options: TransportOptions) {
  return createTransport(options, async ({ body }) => {
    const response = await fetch(options.url, { method: 'POST', body });
    return { statusCode: response.status };
  });
}

const CARD = '4111 1111 1111 1111';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';
// a frame with local variables, as the Node localVariables integration attaches them
const frameWithVars: StackFrame = {
  filename: '/app/checkout.js',
  function: 'pay',
  lineno: 12,
  in_app: true,
  vars: { password: 'hunter2', order: { id: 7, cardNumber: '4242424242424242' }, note: `card ${CARD}` },
};

let server: IngestServer;
beforeEach(async () => {
  server = await startIngestServer();
  for (const scope of [getGlobalScope(), getIsolationScope(), getCurrentScope()])
    scope.clear().setClient(undefined);
});
afterEach(async () => {
  await server.close();
});

function init(extra: Partial<ClientOptions> = {}): Client {
  return initAndBind(Client, {
    dsn: server.dsn,
    integrations: [],
    stackParser: () => [frameWithVars],
    transport: fetchTransport,
    sdk: { name: 'acme.javascript.test', version: '1.2.3' },
    platform: 'node',
    ...extra,
  });
}

type Json = Record<string, any>;
const payloadsOf = (type: string): Json[] =>
  server.received.flatMap(({ envelope }) =>
    envelope[1].filter(([h]) => h.type === type).map(([, p]) => p as Json),
  );

function captureLeakyError(client: Client): void {
  withScope((scope) => {
    scope.setExtra('password', 'hunter2');
    scope.setExtra('config', {
      db: { url: 'postgres://app:s3cret@db.local/shop', api_key: 'k-123', pool: 5 },
    });
    scope.setTag('session_id', 'abc123');
    scope.setTag('plan', 'pro');
    scope.setContext('auth', { provider: 'github', access_token: 'gho_123', scopes: ['repo'] });
    scope.setUser({ id: 'u-1', data: { secret: 'xyz', theme: 'dark' } });
    scope.addBreadcrumb({
      category: 'fetch',
      data: { url: 'https://api.example.org/v1/me?access_token=tok-1&page=2', Authorization: 'Bearer tok-1' },
    });
    scope.addBreadcrumb({ category: 'console', message: `paid with ${CARD}` });
    client.captureException(
      new Error(`request failed: Authorization: Bearer abc.def-123456 and ${JWT}`),
      {
        data: {},
      },
      scope,
    );
  });
}

describe('deep scrubbing (on by default)', () => {
  it('filters secrets everywhere in an error event, keeps everything else, and the event stays valid', async () => {
    const client = init();
    captureLeakyError(client);
    client.captureEvent({
      message: 'with request',
      request: {
        url: 'https://shop.example/cart?coupon=X1&token=abc',
        headers: {
          Authorization: 'Basic dXNlcjpwYXNz',
          Cookie: 'theme=dark; session=abc',
          'X-Tenant': 'acme',
        },
        cookies: { session: 'abc', theme: 'dark' },
        query_string: 'token=abc&page=1',
        data: { password: 'hunter2', item: 'socks' },
      },
    });
    await client.flush(5000);
    const [error, withRequest] = payloadsOf('event');
    [error, withRequest].forEach((event) => assertValidEvent(event));

    expect(error!['extra']).toEqual({
      password: '[Filtered]',
      config: {
        db: { url: 'postgres://[Filtered]:[Filtered]@db.local/shop', api_key: '[Filtered]', pool: 5 },
      },
    });
    expect(error!['tags']).toEqual({ session_id: '[Filtered]', plan: 'pro' });
    expect(error!['contexts'].auth).toEqual({
      provider: 'github',
      access_token: '[Filtered]',
      scopes: ['repo'],
    });
    expect(error!['user']).toEqual({ id: 'u-1', data: { secret: '[Filtered]', theme: 'dark' } });
    const [fetchCrumb, consoleCrumb] = error!['breadcrumbs'].values;
    expect(fetchCrumb.data).toEqual({
      url: 'https://api.example.org/v1/me?access_token=[Filtered]&page=2',
      Authorization: '[Filtered]',
    });
    expect(consoleCrumb.message).toBe('paid with [Filtered]');
    const exception = error!['exception'].values[0];
    expect(exception.value).toBe('request failed: Authorization: Bearer [Filtered] and [Filtered]');
    expect(exception.stacktrace.frames[0].vars).toEqual({
      password: '[Filtered]',
      order: { id: 7, cardNumber: '[Filtered]' },
      note: 'card [Filtered]',
    });
    expect(error!['event_id']).toMatch(/^[0-9a-f]{32}$/);

    expect(withRequest!['request']).toEqual({
      url: 'https://shop.example/cart?coupon=X1&token=[Filtered]',
      headers: { Authorization: '[Filtered]', Cookie: '[Filtered]', 'X-Tenant': 'acme' },
      cookies: { session: '[Filtered]', theme: 'dark' },
      query_string: 'token=[Filtered]&page=1',
      data: { password: '[Filtered]', item: 'socks' },
    });
  });

  it('runs after beforeSend, which sees the raw values', async () => {
    const seen: unknown[] = [];
    const client = init({
      beforeSend: (event) => {
        seen.push(event.extra?.['password']);
        return event;
      },
    });
    captureLeakyError(client);
    await client.flush(5000);
    expect(seen).toEqual(['hunter2']);
    expect(payloadsOf('event')[0]!['extra'].password).toBe('[Filtered]');
  });

  it('filters span attributes, span descriptions and the root span data of a transaction', async () => {
    const client = init({ tracesSampleRate: 1 });
    startSpan({ name: 'checkout', attributes: { 'user.session': 's-1', 'cart.items': 3 } }, () => {
      startSpan(
        {
          name: 'GET https://pay.example/charge?api_key=k-9&amount=5',
          op: 'http.client',
          attributes: {
            'http.request.header.authorization': 'Bearer tok-77',
            'http.response.status_code': 200,
          },
        },
        () => undefined,
      );
    });
    await client.flush(5000);
    const [transaction] = payloadsOf('transaction');
    assertValidEvent(transaction);
    expect(transaction!['contexts'].trace.data).toMatchObject({
      'user.session': '[Filtered]',
      'cart.items': 3,
    });
    const [span] = transaction!['spans'];
    expect(span.description).toBe('GET https://pay.example/charge?api_key=[Filtered]&amount=5');
    expect(span.data).toMatchObject({
      'http.request.header.authorization': '[Filtered]',
      'http.response.status_code': 200,
    });
    expect(span.span_id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('filters log attributes and bodies after beforeSendLog, which sees them raw', async () => {
    const seen: unknown[] = [];
    const client = init({
      enableLogs: true,
      beforeSendLog: (log) => {
        seen.push(log.attributes['password']);
        return log;
      },
    });
    logger.info(`charged ${CARD}`, { password: 'hunter2', userId: 7, dsn: 'https://me:pw@example.org/1' });
    await client.flush(5000);
    expect(seen).toEqual(['hunter2']);
    const [log] = payloadsOf('log')[0]!['items'];
    expect(log.body).toBe('charged [Filtered]');
    expect(log.attributes.password).toEqual({ type: 'string', value: '[Filtered]' });
    expect(log.attributes.userId).toEqual({ type: 'integer', value: 7 });
    expect(log.attributes.dsn).toEqual({
      type: 'string',
      value: 'https://[Filtered]:[Filtered]@example.org/1',
    });
  });

  it('filters check-in contexts', async () => {
    const client = init({
      beforeSendCheckIn: (checkIn) => ({
        ...checkIn,
        contexts: { ...checkIn.contexts, job: { token: 't-1', shard: 2 } },
      }),
    });
    captureCheckIn({ monitorSlug: 'nightly', status: 'ok' });
    await client.flush(5000);
    const [checkIn] = payloadsOf('check_in');
    expect(checkIn!['contexts'].job).toEqual({ token: '[Filtered]', shard: 2 });
    expect(checkIn!['contexts'].trace.trace_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends raw values with scrubbing: false', async () => {
    const client = init({ scrubbing: false });
    captureLeakyError(client);
    await client.flush(5000);
    expect(payloadsOf('event')[0]!['extra'].password).toBe('hunter2');
  });

  it('adds deny keys and patterns, and honours allow keys', async () => {
    const client = init({
      scrubbing: { denyKeys: ['plan'], allowKeys: ['session_id'], patterns: [/acct-\d+/] },
    });
    withScope((scope) => {
      scope.setTag('plan', 'pro');
      scope.setTag('session_id', 'abc123');
      client.captureMessage('charged acct-4242', 'info', undefined, scope);
    });
    await client.flush(5000);
    const [event] = payloadsOf('event') as Event[];
    expect(event!.tags).toEqual({ plan: '[Filtered]', session_id: 'abc123' });
    expect(event!.logentry?.message ?? event!.message).toBe('charged [Filtered]');
  });
});
