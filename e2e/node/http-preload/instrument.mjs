// expressIntegration patches Express's router when Express loads: no setupExpressErrorHandler call.
import * as Sentry from '@sentry-sdk/node';

Sentry.init({ tracesSampleRate: 1, environment: 'e2e', integrations: [Sentry.expressIntegration()] });
