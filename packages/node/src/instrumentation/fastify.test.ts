import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { requestDataIntegration, setTag } from '@sentry-sdk/core';
import { fastifyIntegration, httpIntegration } from '../integrations';
import { setupFastifyErrorHandler } from './fastify';
import { startTestSdk, type TestSdk } from './http.test-helper';

interface Reply {
  code(status: number): Reply;
  send(body: unknown): void;
}
interface FastifyApp {
  get(path: string, handler: (request: { params: Record<string, string> }, reply: Reply) => unknown): void;
  register(plugin: (app: FastifyApp, options: unknown, done: () => void) => void, options?: unknown): unknown;
  listen(options: { port: number; host: string }): Promise<string>;
  close(): Promise<void>;
}
const Fastify = createRequire(import.meta.url)('fastify') as (options?: unknown) => FastifyApp;

let sdk: TestSdk | undefined;
let app: FastifyApp | undefined;
afterEach(async () => {
  await app?.close();
  await sdk?.stop();
  app = undefined;
});

function routes(instance: FastifyApp): void {
  instance.get('/users/:id', (request) => {
    setTag('user', request.params['id']);
    return Promise.resolve({ id: request.params['id'] });
  });
  instance.register(
    (scoped, _options, done) => {
      scoped.get('/items/:sku', () => Promise.resolve('item'));
      done();
    },
    { prefix: '/shop' },
  );
  instance.get('/boom', () => Promise.reject(new Error('handler exploded')));
  instance.get('/bad', () => Promise.reject(Object.assign(new Error('bad input'), { statusCode: 400 })));
}

describe('fastify', () => {
  it('names transactions after routes with no setup call (fastify.initialization channel)', async () => {
    sdk = startTestSdk({ integrations: [httpIntegration(), fastifyIntegration()] });
    app = Fastify();
    routes(app);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    await Promise.all(['/users/7', '/shop/items/ab-1'].map((path) => fetch(`${url}${path}`)));
    const transactions = await sdk.waitFor('transaction', 2);
    expect(transactions.map((event) => [event.transaction, event.transaction_info?.source]).sort()).toEqual([
      ['GET /shop/items/:sku', 'route'],
      ['GET /users/:id', 'route'],
    ]);
    expect(transactions.find((event) => event.transaction === 'GET /users/:id')!.tags).toEqual({ user: '7' });
  });

  it('setupFastifyErrorHandler captures 5xx errors as unhandled, not 4xx ones', async () => {
    sdk = startTestSdk({ integrations: [httpIntegration(), requestDataIntegration()] });
    app = Fastify();
    setupFastifyErrorHandler(app);
    routes(app);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${url}/bad`)).status).toBe(400);
    expect((await fetch(`${url}/boom`)).status).toBe(500);
    const [event, ...others] = await sdk.waitFor('event', 1);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      transaction: 'GET /boom',
      request: { url: `${url}/boom` },
      exception: {
        values: [{ value: 'handler exploded', mechanism: { type: 'auto.http.fastify', handled: false } }],
      },
    });
    const transactions = await sdk.waitFor('transaction', 2);
    expect(transactions.map((t) => [t.transaction, t.contexts!.trace!['status']]).sort()).toEqual([
      ['GET /bad', 'invalid_argument'],
      ['GET /boom', 'internal_error'],
    ]);
  });

  it('follows shouldHandleError and ignores values that are not Fastify apps', async () => {
    sdk = startTestSdk({ integrations: [httpIntegration()] });
    expect(() => setupFastifyErrorHandler(null)).not.toThrow();
    app = Fastify();
    setupFastifyErrorHandler(app, { shouldHandleError: () => true });
    routes(app);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    await fetch(`${url}/bad`);
    const [event] = await sdk.waitFor('event', 1);
    expect(event!.exception!.values![0]!.value).toBe('bad input');
  });
});
