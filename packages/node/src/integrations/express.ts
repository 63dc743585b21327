import type { Integration } from '@sentry-sdk/core';
import { instrumentExpressModule, registerModuleHook } from '../instrumentation';

const NAME = 'Express';

/**
 * Names transactions after Express routes from the moment Express loads, for apps that do not call
 * `setupExpressErrorHandler`: patches Express's router when `require('express')` runs after `init`
 * (CommonJS), or for ES module apps started with `--import @sentry-sdk/node/preload`.
 */
export function expressIntegration(): Integration {
  return {
    name: NAME,
    setupOnce() {
      registerModuleHook('express', (exports) => {
        const candidate = exports as { Router?: unknown; default?: unknown };
        instrumentExpressModule(typeof candidate.Router === 'function' ? candidate : candidate.default);
      });
    },
  };
}
