// Koa with @koa/router in CommonJS, instrumented by init alone; calls the downstream service with fetch.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e' });

const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
app.silent = true;
Sentry.setupKoaErrorHandler(app);

const router = new Router();
router.get('/users/:id', async (ctx) => {
  const inventory = await (await fetch(`${process.env.DOWNSTREAM_URL}/inventory/${ctx.params.id}`)).json();
  ctx.body = { id: ctx.params.id, ...inventory };
});
router.get('/concurrent/:name', async (ctx) => {
  Sentry.setTag('request', ctx.params.name);
  await new Promise((resolve) => setTimeout(resolve, ctx.params.name === 'slow' ? 60 : 5));
  Sentry.captureMessage(`handled ${ctx.params.name}`);
  ctx.body = ctx.params.name;
});
router.get('/boom', async () => {
  throw new Error('boom from koa');
});
app.use(router.routes());

const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
