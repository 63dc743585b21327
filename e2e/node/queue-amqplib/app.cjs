// The producer, CommonJS: an HTTP server that publishes to RabbitMQ.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', serverName: 'producer' });

const http = require('node:http');
const amqplib = require('amqplib');
const { startProducer } = require('./chain.cjs');

startProducer(Sentry, http, amqplib, process.env.QUEUE);
