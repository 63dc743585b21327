// The producer, ES modules.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import http from 'node:http';
import * as bullmq from 'bullmq';
import { startProducer } from './chain.cjs';

await startProducer(Sentry, http, bullmq, process.env.QUEUE);
