// Imported first by the app, as an ES module app initialises the SDK.
import * as Sentry from '@sentry-sdk/node';

Sentry.init({ environment: 'e2e' });
