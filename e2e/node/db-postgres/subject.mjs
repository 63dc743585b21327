// ES modules: `import pg from 'pg'` after the SDK's init, without any loader flag.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import pg from 'pg';
import { runQueries } from './queries.cjs';

console.log(JSON.stringify(await runQueries(Sentry, pg, process.env.TABLE)));
