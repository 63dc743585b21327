// Fastify 4 in an ES module app, instrumented by init alone; calls the downstream service with node:http.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import { get } from 'node:http';
import Fastify from 'fastify4';

const getJson = (url) =>
  new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body)));
    }).on('error', reject);
  });

const app = Fastify();
Sentry.setupFastifyErrorHandler(app);

app.get('/users/:id', async (request) => ({
  id: request.params.id,
  ...(await getJson(`${process.env.DOWNSTREAM_URL}/inventory/${request.params.id}`)),
}));

app.get('/concurrent/:name', (request, reply) => {
  Sentry.setTag('request', request.params.name);
  setTimeout(
    () => {
      Sentry.captureMessage(`handled ${request.params.name}`);
      reply.send(request.params.name);
    },
    request.params.name === 'slow' ? 60 : 5,
  );
});

app.get('/boom', () => {
  throw new Error('boom from fastify 4');
});

await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${app.server.address().port}`);
