// A short ESM job that logs through Sentry's logger, the console, pino and winston, then ends on its
// own (FLUSH_AT_END=1: after `await Sentry.flush()`). WITH_SDK=0 runs the same code without init.
import * as Sentry from '@sentry-sdk/node';
import pino from 'pino';
import winston from 'winston';
import Transport from 'winston-transport';

const withSdk = process.env.WITH_SDK !== '0';
if (withSdk) {
  Sentry.init({
    release: 'job@1.0.0',
    enableLogs: true,
    integrations: [Sentry.consoleLoggingIntegration({ levels: ['log', 'warn'] }), Sentry.pinoIntegration()],
  });
}

const log = pino({ base: { job: 'import' } });
const transports = [new winston.transports.Console({ format: winston.format.simple() })];
if (withSdk) transports.push(new (Sentry.createSentryWinstonTransport(Transport))());
const winstonLogger = winston.createLogger({ transports });

Sentry.logger.info(Sentry.logger.fmt`Importing ${3} files`, { source: 's3' });
console.log('file %d of %d done', 1, 3);
console.warn('file %s is large', 'b.csv');
log.info({ rows: 1200 }, 'parsed');
winstonLogger.warn('%s rows skipped', 4);
Sentry.startSpan({ name: 'finish import' }, () => log.error('one file failed'));
if (withSdk && process.env.FLUSH_AT_END === '1') await Sentry.flush(2000);
