// An ES module Express app that never calls setupExpressErrorHandler: its routes are named only
// when the loader hook (`--import @sentry-sdk/node/preload`) let expressIntegration patch Express.
import './instrument.mjs';
import express from 'express';

const app = express();
app.get('/users/:id', (req, res) => res.send(req.params.id));
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
