// The app handles uncaught exceptions itself: the SDK captures, the app decides to carry on.
const Sentry = require('@sentry-sdk/node');

Sentry.init({});
process.on('uncaughtException', (error) => {
  console.log(`app handled: ${error.message}`);
  setTimeout(() => {
    console.log('still running');
  }, 300);
});

setTimeout(() => {
  throw new Error('handled by the app');
}, 10);
