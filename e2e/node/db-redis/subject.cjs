// CommonJS: init, then require ioredis 6, ioredis 5 and redis.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', sendDefaultPii: process.env.SEND_PII === '1' });

const Redis = require('ioredis');
const Redis5 = require('ioredis5');
const { createClient } = require('redis');
const { runCommands } = require('./commands.cjs');

runCommands(Sentry, Redis, Redis5, createClient, process.env.PREFIX).then((seen) =>
  console.log(JSON.stringify(seen)),
);
