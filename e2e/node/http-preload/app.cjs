// The same app in CommonJS: require('express') after init is hooked without any flag.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', integrations: [Sentry.expressIntegration()] });

const express = require('express');

const app = express();
app.get('/users/:id', (req, res) => res.send(req.params.id));
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
