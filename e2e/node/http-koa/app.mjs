// Koa with a prefixed @koa/router in an ES module app; calls the downstream service with http.request.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import http from 'node:http';
import Koa from 'koa';
import Router from '@koa/router';

const getJson = (url) =>
  new Promise((resolve, reject) => {
    const request = http.request(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body)));
    });
    request.on('error', reject);
    request.end();
  });

const app = new Koa();
app.silent = true;
Sentry.setupKoaErrorHandler(app);

const router = new Router({ prefix: '/v1' });
router.get('/users/:id', async (ctx) => {
  ctx.body = {
    id: ctx.params.id,
    ...(await getJson(`${process.env.DOWNSTREAM_URL}/inventory/${ctx.params.id}`)),
  };
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
