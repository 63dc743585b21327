// `node --import @sentry-sdk/node/preload --import ./instrument.mjs subject.mjs`: init before the app's imports.
import * as Sentry from '@sentry-sdk/node';

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', release: 'e2e@1.0.0' });
