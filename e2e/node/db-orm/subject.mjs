// ES modules: the ORMs imported after the SDK's init, without any loader flag.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import knex from 'knex';
import Sequelize from 'sequelize';
import { runQueries } from './queries.cjs';

await runQueries(Sentry, knex, Sequelize, process.env.TABLE);
