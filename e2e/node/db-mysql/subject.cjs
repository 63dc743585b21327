// CommonJS: init, then require mysql2 and mysql2/promise.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', sendDefaultPii: process.env.SEND_PII === '1' });

const mysql = require('mysql2');
const mysqlPromise = require('mysql2/promise');
const { runQueries } = require('./queries.cjs');

runQueries(Sentry, mysql, mysqlPromise, process.env.TABLE).then((seen) => console.log(JSON.stringify(seen)));
