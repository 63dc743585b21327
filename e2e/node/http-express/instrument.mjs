// Imported first by the ES module app, as ES module apps initialise the SDK (no loader flags).
import * as Sentry from '@sentry-sdk/node';

Sentry.init({ tracesSampleRate: 1, environment: 'e2e' });
