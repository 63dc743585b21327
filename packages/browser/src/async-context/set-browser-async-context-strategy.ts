import { setAsyncContextStrategy } from '@sentry-sdk/core';
import { getAsyncContextStrategy } from '@sentry-sdk/core/internal';
import { native } from '../native';
import { wrapSchedulingApis } from './wrap-scheduling-apis';
import { createZoneStrategy, type ZoneStrategy } from './zone-strategy';

let installed: ZoneStrategy | undefined;

/**
 * Makes the zone-style strategy the realm's async context strategy and patches the scheduling APIs,
 * both once: a second `init` keeps them, so callbacks scheduled before it keep their scopes.
 */
export function setBrowserAsyncContextStrategy(): void {
  if (!installed) {
    installed = createZoneStrategy(native.queueMicrotask);
    wrapSchedulingApis(installed);
  }
  if (getAsyncContextStrategy() !== installed) setAsyncContextStrategy(installed);
}
