// CommonJS: init, then require graphql and pg.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ tracesSampleRate: 1, environment: 'e2e' });

const http = require('node:http');
const graphql = require('graphql');
const pg = require('pg');
const DataLoader = require('dataloader');
const { startServer } = require('./server.cjs');

startServer(http, graphql, pg, DataLoader);
