// The worker, ES modules.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import * as bullmq from 'bullmq';
import pg from 'pg';
import { startConsumer } from './chain.cjs';

await startConsumer(Sentry, bullmq, pg, process.env.QUEUE);
