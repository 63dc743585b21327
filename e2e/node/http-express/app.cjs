// Express 4 in CommonJS, instrumented by init alone; calls the downstream service with http.get.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e' });

const http = require('node:http');
const express = require('express');

const app = express();

function getJson(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve(JSON.parse(body)));
      })
      .on('error', reject);
  });
}

const users = express.Router();
users.get('/:id', async (req, res, next) => {
  try {
    const inventory = await getJson(`${process.env.DOWNSTREAM_URL}/inventory/${req.params.id}`);
    res.json({ id: req.params.id, ...inventory });
  } catch (error) {
    next(error);
  }
});
app.use('/users', users);

app.get('/concurrent/:name', (req, res) => {
  Sentry.setTag('request', req.params.name);
  setTimeout(
    () => {
      Sentry.captureMessage(`handled ${req.params.name}`);
      res.send(req.params.name);
    },
    req.params.name === 'slow' ? 60 : 5,
  );
});

app.get('/boom', () => {
  throw new Error('boom from express 4');
});

Sentry.setupExpressErrorHandler(app);
app.use((_error, _req, res, _next) => res.status(500).send('failed'));

const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
