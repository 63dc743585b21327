// CommonJS: init, then require the ORMs (which require their drivers).
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e' });

const knex = require('knex');
const Sequelize = require('sequelize');
const { runQueries } = require('./queries.cjs');

runQueries(Sentry, knex, Sequelize, process.env.TABLE);
