// Express 5 in an ES module app, instrumented by init alone; calls the downstream service with fetch.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import express from 'express5';

const app = express();

app.get('/users/:id', async (req, res) => {
  const inventory = await (await fetch(`${process.env.DOWNSTREAM_URL}/inventory/${req.params.id}`)).json();
  res.json({ id: req.params.id, ...inventory });
});

app.get('/concurrent/:name', async (req, res) => {
  Sentry.setTag('request', req.params.name);
  await new Promise((resolve) => setTimeout(resolve, req.params.name === 'slow' ? 60 : 5));
  Sentry.captureMessage(`handled ${req.params.name}`);
  res.send(req.params.name);
});

// express 5 forwards rejected promises to the error handlers
app.get('/boom', async () => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  throw new Error('boom from express 5');
});

Sentry.setupExpressErrorHandler(app);
app.use((_error, _req, res, _next) => res.status(500).send('failed'));

const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
