// The producer, ES modules.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import http from 'node:http';
import amqplib from 'amqplib';
import { startProducer } from './chain.cjs';

await startProducer(Sentry, http, amqplib, process.env.QUEUE);
