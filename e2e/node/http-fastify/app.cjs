// Fastify 5 in CommonJS, instrumented by init alone; calls the downstream service with fetch.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e' });

const Fastify = require('fastify');

const app = Fastify();
Sentry.setupFastifyErrorHandler(app);

app.register(
  async (users) => {
    users.get('/:id', async (request) => {
      const inventory = await (
        await fetch(`${process.env.DOWNSTREAM_URL}/inventory/${request.params.id}`)
      ).json();
      return { id: request.params.id, ...inventory };
    });
  },
  { prefix: '/users' },
);

app.get('/concurrent/:name', async (request) => {
  Sentry.setTag('request', request.params.name);
  await new Promise((resolve) => setTimeout(resolve, request.params.name === 'slow' ? 60 : 5));
  Sentry.captureMessage(`handled ${request.params.name}`);
  return request.params.name;
});

app.get('/boom', async () => {
  throw new Error('boom from fastify 5');
});

app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log(`listening ${app.server.address().port}`));
