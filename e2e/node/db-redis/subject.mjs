// ES modules: ioredis 6, ioredis 5 and redis imported after the SDK's init, without any loader flag.
import './instrument.mjs';
import * as Sentry from '@sentry-sdk/node';
import Redis from 'ioredis';
import Redis5 from 'ioredis5';
import { createClient } from 'redis';
import { runCommands } from './commands.cjs';

console.log(JSON.stringify(await runCommands(Sentry, Redis, Redis5, createClient, process.env.PREFIX)));
