/** The SDK's version; every `@sentry-sdk/*` package moves with it. */
export const VERSION = '0.1.0';
