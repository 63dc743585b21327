// Imported first by the ES module subjects (no loader flags); names the process after its role.
import * as Sentry from '@sentry-sdk/node';

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', serverName: process.env.ROLE });
