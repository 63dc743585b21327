import type { Integration } from '@sentry-sdk/core';
import { instrumentFastify } from '../instrumentation';

const NAME = 'Fastify';

/**
 * Names the transactions of Fastify apps after their routes with no call in the app, through
 * Fastify's `fastify.initialization` diagnostics channel. Errors need `setupFastifyErrorHandler(app)`.
 * Installed by default.
 */
export function fastifyIntegration(): Integration {
  return {
    name: NAME,
    setupOnce() {
      instrumentFastify();
    },
  };
}
