// The consumer, CommonJS: its own process, continuing the producer's trace.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', serverName: 'worker' });

const amqplib = require('amqplib');
const pg = require('pg');
const { startConsumer } = require('./chain.cjs');

startConsumer(Sentry, amqplib, pg, process.env.QUEUE);
