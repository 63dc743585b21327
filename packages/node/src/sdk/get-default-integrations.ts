import type { Integration } from '@sentry-sdk/core';
import {
  dedupeIntegration,
  functionToStringIntegration,
  inboundFiltersIntegration,
  linkedErrorsIntegration,
  requestDataIntegration,
} from '@sentry-sdk/core';
import {
  childProcessIntegration,
  consoleIntegration,
  contextLinesIntegration,
  fastifyIntegration,
  getSpotlightUrl,
  gracefulShutdownIntegration,
  httpIntegration,
  modulesIntegration,
  nativeNodeFetchIntegration,
  nodeContextIntegration,
  onUncaughtExceptionIntegration,
  onUnhandledRejectionIntegration,
  spotlightIntegration,
  systemErrorIntegration,
} from '../integrations';
import type { NodeOptions } from '../client';

/**
 * The integrations `init` installs unless told otherwise: core's filters, dedupe, linked errors and
 * request data, plus Node's crash handlers, graceful shutdown, console breadcrumbs, context lines,
 * process contexts, modules and child-process breadcrumbs; HTTP, fetch and Fastify instrumentation;
 * system-error contexts; and Spotlight when the `spotlight` option (or `SENTRY_SPOTLIGHT`) asks for it.
 */
export function getDefaultIntegrations(options: NodeOptions = {}): Integration[] {
  const sidecarUrl = getSpotlightUrl(readSpotlightOption(options));
  return [
    inboundFiltersIntegration(),
    functionToStringIntegration(),
    linkedErrorsIntegration(),
    requestDataIntegration(),
    dedupeIntegration(),
    consoleIntegration(),
    onUncaughtExceptionIntegration(),
    onUnhandledRejectionIntegration(),
    gracefulShutdownIntegration(),
    contextLinesIntegration(),
    nodeContextIntegration(),
    childProcessIntegration(),
    modulesIntegration(),
    httpIntegration(),
    nativeNodeFetchIntegration(),
    fastifyIntegration(),
    systemErrorIntegration(),
    ...(sidecarUrl ? [spotlightIntegration({ sidecarUrl })] : []),
  ];
}

function readSpotlightOption(options: NodeOptions): unknown {
  try {
    return options.spotlight;
  } catch {
    return undefined;
  }
}
