// An app behind a proxy: nothing in the code, only the environment (http_proxy / NO_PROXY).
const Sentry = require('@sentry-sdk/node');

Sentry.init({});
Sentry.captureException(new Error('sent through the proxy'));
