import type { Integration } from '@sentry-sdk/core';
import { collectModules } from './collect-modules';

const NAME = 'Modules';

/**
 * Adds `modules` (package name → version) to every event: the app's dependencies and the packages
 * CommonJS has loaded. Gathered once, asynchronously, at the first event.
 */
export function modulesIntegration(): Integration {
  let modules: Promise<Record<string, string>> | undefined;
  return {
    name: NAME,
    async processEvent(event) {
      modules ??= collectModules();
      event.modules = { ...(await modules), ...event.modules };
      return event;
    },
  };
}
