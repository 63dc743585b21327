import { getCurrentScope, getIsolationScope, type ClientLike } from '@sentry-sdk/core';
import { getCombinedScopeData, normalize, scrubEventForOptions } from '@sentry-sdk/core/internal';
import { getAppStartTime, getCloudResourceContext, getCultureContext, getDeviceContext } from '../context';

const BREADCRUMBS_KEPT = 20;

/**
 * What the ANR event carries besides its exception, read on the main thread while it still runs:
 * the client's options, the process contexts and the scopes' tags, user, contexts, extra and last
 * breadcrumbs. Event processors cannot run for it (the main thread is the one blocked), so this is
 * all it gets; normalized so that it can cross to the worker.
 */
export function createAnrEventTemplate(
  client: ClientLike,
  processContexts: Record<string, unknown> = getProcessContexts(),
): Record<string, unknown> {
  const options = client.getOptions();
  const scope = getCombinedScopeData(getIsolationScope(), getCurrentScope());
  const template: Record<string, unknown> = {
    platform: 'node',
    environment: options.environment ?? 'production',
    sdk: { name: options.sdk.name, version: options.sdk.version, ...(options.sdk.packages && { packages: options.sdk.packages }) },
    contexts: { ...processContexts, ...scope.contexts },
  };
  if (options.release) template['release'] = options.release;
  if (options.dist) template['dist'] = options.dist;
  if (options.serverName) template['server_name'] = options.serverName;
  if (Object.keys(scope.tags).length) template['tags'] = scope.tags;
  if (Object.keys(scope.user).length) template['user'] = scope.user;
  if (Object.keys(scope.extra).length) template['extra'] = scope.extra;
  if (scope.breadcrumbs.length) template['breadcrumbs'] = scope.breadcrumbs.slice(-BREADCRUMBS_KEPT);
  const normalized = normalize(template, 5) as Record<string, unknown>;
  // the worker sends it without the client's pipeline: secrets are filtered here (option `scrubbing`)
  return scrubEventForOptions(normalized, options) ?? { platform: 'node', sdk: template['sdk'] };
}

/** The contexts of the process that do not change while it runs: runtime, app start, device, culture, cloud. */
export function getProcessContexts(): Record<string, unknown> {
  const cloud = getCloudResourceContext();
  return {
    runtime: { name: 'node', version: process.version },
    app: { app_start_time: getAppStartTime() },
    device: getDeviceContext({ cpu: true, memory: true }),
    culture: getCultureContext(),
    ...(cloud && { cloud_resource: cloud }),
  };
}
