import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { requestDataIntegration, setTag, type Event } from '@sentry-sdk/core';
import { httpIntegration } from '../integrations';
import { setupExpressErrorHandler } from './express';
import { startTestSdk, type TestSdk } from './http.test-helper';

type Handler = (...args: never[]) => unknown;
interface Router {
  get(path: string, ...handlers: Handler[]): unknown;
  use(...args: unknown[]): unknown;
}
interface Express {
  (): Router & { listen(port: number, host: string, callback: () => void): Server };
  Router(): Router;
}

const require = createRequire(import.meta.url);
const versions: [string, Express][] = [
  ['express 4', require('express') as Express],
  ['express 5', require('express5') as Express],
];

let sdk: TestSdk | undefined;
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await sdk?.stop();
});

async function startApp(express: Express): Promise<string> {
  const app = express();
  app.get('/users/:id', (req: { params: { id: string } }, res: { json(body: unknown): void }) => {
    setTag('user', req.params.id);
    res.json({ id: req.params.id });
  });
  const api = express.Router();
  const admin = express.Router();
  api.get('/orders/:orderId', (_req: unknown, res: { send(body: string): void }) => res.send('order'));
  admin.get('/stats', (_req: unknown, res: { send(body: string): void }) => res.send('stats'));
  api.use('/admin', admin);
  app.use('/api/:version', api);
  app.get('/boom', () => {
    throw new Error('route exploded');
  });
  app.get('/teapot', (_req: unknown, _res: unknown, next: (error: unknown) => void) =>
    next(Object.assign(new Error('short and stout'), { status: 418 })),
  );
  setupExpressErrorHandler(app);
  app.use(
    (
      error: { status?: number },
      _req: unknown,
      res: { status(code: number): { send(body: string): void } },
      _next: unknown,
    ) => res.status(error.status ?? 500).send('failed'),
  );
  const listening = app.listen(0, '127.0.0.1', () => undefined);
  await new Promise((resolve) => listening.once('listening', resolve));
  server = listening;
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

describe.each(versions)('%s', (_name, express) => {
  it('names transactions after the matched route, through nested routers and their parameters', async () => {
    sdk = startTestSdk({ integrations: [httpIntegration(), requestDataIntegration()] });
    const url = await startApp(express);
    const paths = ['/users/42', '/api/v2/orders/9', '/api/v1/admin/stats', '/nowhere'];
    const statuses = await Promise.all(paths.map(async (path) => (await fetch(`${url}${path}`)).status));
    expect(statuses).toEqual([200, 200, 200, 404]);
    const transactions = await sdk.waitFor('transaction', 4);
    const named = transactions.map((event) => [
      event.transaction,
      event.transaction_info?.source,
      event.contexts!.trace!['status'],
    ]);
    expect(named.sort()).toEqual([
      ['GET /api/:version/admin/stats', 'route', 'ok'],
      ['GET /api/:version/orders/:orderId', 'route', 'ok'],
      ['GET /nowhere', 'url', 'not_found'],
      ['GET /users/:id', 'route', 'ok'],
    ]);
    const user = transactions.find((event) => event.transaction === 'GET /users/:id')!;
    expect(user.tags).toEqual({ user: '42' });
    expect(user.contexts!.trace!['data']).toMatchObject({ 'http.route': '/users/:id' });
  });

  it('captures errors of routes as unhandled, with the route name, and leaves 4xx errors alone', async () => {
    sdk = startTestSdk({ integrations: [httpIntegration(), requestDataIntegration()] });
    const url = await startApp(express);
    expect((await fetch(`${url}/teapot`)).status).toBe(418);
    expect((await fetch(`${url}/boom`)).status).toBe(500);
    const [event, ...others] = await sdk.waitFor('event', 1);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      transaction: 'GET /boom',
      request: { method: 'GET', url: `${url}/boom` },
      exception: {
        values: [
          {
            type: 'Error',
            value: 'route exploded',
            mechanism: { type: 'auto.http.express.middleware', handled: false },
          },
        ],
      },
    });
    const transactions = await sdk.waitFor('transaction', 2);
    const boom = transactions.find((transaction: Event) => transaction.transaction === 'GET /boom')!;
    expect(boom.contexts!.trace!['status']).toBe('internal_error');
    expect(event!.contexts!.trace!['trace_id']).toBe(boom.contexts!.trace!['trace_id']);
  });
});

describe('setupExpressErrorHandler', () => {
  it('follows shouldHandleError and ignores values that are not apps', async () => {
    sdk = startTestSdk({ integrations: [httpIntegration()] });
    expect(() => setupExpressErrorHandler({})).not.toThrow();
    const express = versions[0]![1];
    const app = express();
    app.get('/teapot', () => {
      throw Object.assign(new Error('captured anyway'), { status: 418 });
    });
    setupExpressErrorHandler(app, {
      shouldHandleError: (error) => (error as { status?: number }).status === 418,
    });
    const listening = app.listen(0, '127.0.0.1', () => undefined);
    await new Promise((resolve) => listening.once('listening', resolve));
    server = listening;
    await fetch(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/teapot`);
    const [event] = await sdk.waitFor('event', 1);
    expect(event!.exception!.values![0]!.value).toBe('captured anyway');
  });
});
