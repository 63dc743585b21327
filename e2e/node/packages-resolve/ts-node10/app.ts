// A TypeScript app on the classic `node` module resolution (tsc's default for `module: commonjs`),
// which reads no `exports` map: the declarations of the packages must still resolve.
import * as Sentry from '@sentry-sdk/node';

Sentry.init({ dsn: 'https://public@o0.ingest.sentry.io/1', integrations: [Sentry.httpIntegration({ spans: true })] });
Sentry.withScope((scope) => scope.setTag('step', 'payment'));
export const eventId: string = Sentry.captureMessage('typed');
