// Does its work and ends on its own; WITH_SDK=0 runs the same code without init (for output comparison).
const Sentry = require('@sentry-sdk/node');

if (process.env.WITH_SDK !== '0') {
  Sentry.init({
    shutdownTimeout: Number(process.env.SHUTDOWN_TIMEOUT || 2000),
    tracesSampleRate: process.env.TRACES ? Number(process.env.TRACES) : undefined,
    enableLogs: process.env.LOG === '1',
  });
}

console.log('processing %d items for %s', 3, 'ada', { batch: [1, 2, 3] });
console.info('done');
console.warn('slow item: %s', 'item-2');
console.error(new Error('printed, not thrown').message);
if (process.env.CAPTURE !== '0') {
  setTimeout(() => Sentry.captureMessage('batch finished', 'info'), 5);
}
if (process.env.LOG === '1') Sentry.logger.info('batch logged');
