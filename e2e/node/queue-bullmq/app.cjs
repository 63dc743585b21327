// The producer, CommonJS: an HTTP server that adds bullmq jobs.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', serverName: 'producer' });

const http = require('node:http');
const bullmq = require('bullmq');
const { startProducer } = require('./chain.cjs');

startProducer(Sentry, http, bullmq, process.env.QUEUE);
