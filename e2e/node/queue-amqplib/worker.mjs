// The consumer, ES modules.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import amqplib from 'amqplib';
import pg from 'pg';
import { startConsumer } from './chain.cjs';

await startConsumer(Sentry, amqplib, pg, process.env.QUEUE);
