// CommonJS: init, then require pg; prints what the queries' callbacks saw.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', sendDefaultPii: process.env.SEND_PII === '1' });

const pg = require('pg');
const { runQueries } = require('./queries.cjs');

runQueries(Sentry, pg, process.env.TABLE).then((seen) => console.log(JSON.stringify(seen)));
