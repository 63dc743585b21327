// ES modules: mysql2 imported after the SDK's init, without any loader flag.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import mysql from 'mysql2';
import mysqlPromise from 'mysql2/promise';
import { runQueries } from './queries.cjs';

console.log(JSON.stringify(await runQueries(Sentry, mysql, mysqlPromise, process.env.TABLE)));
