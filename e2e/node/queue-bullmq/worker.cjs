// The worker, CommonJS: its own process, continuing the producer's trace.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', serverName: 'worker' });

const bullmq = require('bullmq');
const pg = require('pg');
const { startConsumer } = require('./chain.cjs');

startConsumer(Sentry, bullmq, pg, process.env.QUEUE);
