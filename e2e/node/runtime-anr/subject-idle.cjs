// A process that finishes its work: the unref'd watchdog must not keep it alive.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ integrations: [Sentry.anrIntegration({ anrThreshold: 300, captureStackTrace: true })] });
setTimeout(() => console.log('done'), 100);
