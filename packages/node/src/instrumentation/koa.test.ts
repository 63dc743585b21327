import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { requestDataIntegration, setTag } from '@sentry-sdk/core';
import { httpIntegration } from '../integrations';
import { setupKoaErrorHandler } from './koa';
import { startTestSdk, type TestSdk } from './http.test-helper';

interface Context {
  params: Record<string, string>;
  body: unknown;
  throw(status: number, message: string): never;
}
type Middleware = (ctx: Context, next: () => Promise<void>) => unknown;
interface KoaApp {
  silent: boolean;
  use(middleware: unknown): KoaApp;
  listen(port: number, host: string): Server;
}
interface Router {
  get(path: string, handler: Middleware): Router;
  routes(): unknown;
}
const require = createRequire(import.meta.url);
const Koa = require('koa') as new () => KoaApp;
const KoaRouter = require('@koa/router') as new (options?: unknown) => Router;

let sdk: TestSdk | undefined;
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await sdk?.stop();
});

async function startApp(): Promise<string> {
  const app = new Koa();
  app.silent = true; // Koa would print the errors it answers with 500
  setupKoaErrorHandler(app);
  const router = new KoaRouter({ prefix: '/v1' });
  router.get('/users/:id', (ctx) => {
    setTag('user', ctx.params['id']);
    ctx.body = { id: ctx.params['id'] };
  });
  router.get('/boom', () => {
    throw new Error('koa exploded');
  });
  router.get('/gone', (ctx) => ctx.throw(410, 'gone'));
  app.use(router.routes());
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('koa', () => {
  it('names transactions after @koa/router routes and captures 5xx errors as unhandled', async () => {
    sdk = startTestSdk({ integrations: [httpIntegration(), requestDataIntegration()] });
    const url = await startApp();
    const statuses = await Promise.all(
      ['/v1/users/3', '/v1/gone', '/v1/boom'].map(async (path) => (await fetch(`${url}${path}`)).status),
    );
    expect(statuses).toEqual([200, 410, 500]);
    const [event, ...others] = await sdk.waitFor('event', 1);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      transaction: 'GET /v1/boom',
      request: { url: `${url}/v1/boom` },
      exception: {
        values: [{ value: 'koa exploded', mechanism: { type: 'auto.http.koa', handled: false } }],
      },
    });
    const transactions = await sdk.waitFor('transaction', 3);
    expect(
      transactions
        .map((t) => [t.transaction, t.transaction_info?.source, t.contexts!.trace!['status']])
        .sort(),
    ).toEqual([
      ['GET /v1/boom', 'route', 'internal_error'],
      ['GET /v1/gone', 'route', 'invalid_argument'],
      ['GET /v1/users/:id', 'route', 'ok'],
    ]);
  });

  it('ignores values that are not Koa apps', () => {
    expect(() => setupKoaErrorHandler(undefined)).not.toThrow();
    expect(() => setupKoaErrorHandler({ middleware: 'nope' })).not.toThrow();
  });
});
