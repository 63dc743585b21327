// onFatalError replaces "print and exit 1" once the event is sent.
const Sentry = require('@sentry-sdk/node');

Sentry.init({
  integrations: [
    Sentry.onUncaughtExceptionIntegration({
      onFatalError(error) {
        console.log(`fatal: ${error.message}`);
        process.exit(7);
      },
    }),
  ],
});

setTimeout(() => {
  throw new Error('custom fatal');
}, 10);
