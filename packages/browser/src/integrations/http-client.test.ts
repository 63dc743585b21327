import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '@sentry-sdk/core';
import { withCapturedEnvelopes } from '@sentry-sdk/test-utils';
import { httpClientIntegration, type HttpClientOptions } from './http-client';

let server: Server;
let origin: string;

// Answers /status/<code> with that status, anything else with 500, and a few headers.
beforeAll(async () => {
  server = createServer((req, res) => {
    const status = Number(/\/status\/(\d+)/.exec(req.url ?? '')?.[1] ?? 500);
    res.writeHead(status, {
      'Content-Type': 'text/plain',
      'Content-Length': '4',
      'X-Request-Id': 'r-1',
      'X-Api-Token': 'secret',
    });
    res.end('fail');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function eventsOf(
  fn: () => Promise<unknown>,
  options: HttpClientOptions = {},
  pii = false,
): Promise<Event[]> {
  const { events } = await withCapturedEnvelopes(fn, {
    integrations: [httpClientIntegration(options)],
    sendDefaultPii: pii,
  });
  return events;
}

describe('httpClientIntegration', () => {
  it('captures a fetch answered 500 with request and response, without headers when sendDefaultPii is off', async () => {
    const events = await eventsOf(() =>
      fetch(`${origin}/status/500?page=2&token=abc`, { headers: { 'X-Tenant': 'a' } }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      level: 'error',
      exception: {
        values: [
          {
            type: 'Error',
            value: 'HTTP Client Error with status code: 500',
            mechanism: { type: 'auto.http.client.fetch', handled: true, synthetic: true },
          },
        ],
      },
      request: { url: `${origin}/status/500`, method: 'GET', query_string: 'page=2&token=[Filtered]' },
      contexts: { response: { status_code: 500, body_size: 4 } },
    });
    expect(events[0]?.request?.headers).toBeUndefined();
    expect(events[0]?.contexts?.['response']).not.toHaveProperty('headers');
  });

  it('adds request and response headers with sendDefaultPii, sensitive values filtered', async () => {
    const events = await eventsOf(
      () =>
        fetch(`${origin}/status/502`, {
          method: 'POST',
          body: 'x',
          headers: { 'X-Tenant': 'a', Authorization: 'Bearer k' },
        }),
      {},
      true,
    );
    expect(events[0]?.request).toMatchObject({
      method: 'POST',
      headers: { 'x-tenant': 'a', authorization: '[Filtered]' },
    });
    expect(events[0]?.contexts?.['response']).toMatchObject({
      status_code: 502,
      headers: { 'x-request-id': 'r-1', 'x-api-token': '[Filtered]', 'content-length': '4' },
    });
  });

  it('ignores statuses outside the ranges and URLs outside the targets', async () => {
    const events = await eventsOf(
      async () => {
        await fetch(`${origin}/status/404`);
        await fetch(`${origin}/status/200`);
        await fetch(`${origin}/status/503?area=admin`);
        await fetch(`${origin}/status/409?area=shop`);
      },
      { failedRequestStatusCodes: [409, [500, 502]], failedRequestTargets: ['area=shop', /\/never/] },
    );
    expect(events.map((event) => event.exception?.values?.[0]?.value)).toEqual([
      'HTTP Client Error with status code: 409',
    ]);
  });

  it("never reports the SDK's own requests to the DSN's ingest endpoint or the tunnel", async () => {
    const dsn = `http://ab12cd34ef56ab12cd34ef56ab12cd34@${origin.slice('http://'.length)}/4711`;
    const { events } = await withCapturedEnvelopes(
      async () => {
        await fetch(`${origin}/api/4711/envelope/?sentry_key=ab12cd34ef56ab12cd34ef56ab12cd34`, {
          method: 'POST',
          body: '{}',
        });
        await fetch(`${origin}/tunnel`, { method: 'POST', body: '{}' });
        await fetch(`${origin}/api/4712/envelope/`, { method: 'POST', body: '{}' });
      },
      { dsn, tunnel: `${origin}/tunnel`, integrations: [httpClientIntegration()] },
    );
    expect(events.map((event) => event.request?.url)).toEqual([`${origin}/api/4712/envelope/`]);
  });
});
