// Imported first by the ES module subject, as ES module apps initialise the SDK (no loader flags).
import * as Sentry from '@sentry-sdk/node';

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', sendDefaultPii: process.env.SEND_PII === '1' });
